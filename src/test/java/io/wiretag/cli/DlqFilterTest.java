package io.wiretag.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import org.junit.jupiter.api.Test;

/** The replay filters' values as a user types them. */
class DlqFilterTest {
    private final Instant now = Instant.parse("2026-12-02T12:00:00Z");

    @Test
    void sinceTakesAnInstantOrASpanAgo() {
        assertEquals(Instant.parse("2026-12-02T10:00:00Z"), DlqCommand.sinceInstant("2h", now));
        assertEquals(Instant.parse("2026-11-25T12:00:00Z"), DlqCommand.sinceInstant("7d", now));
        assertEquals(Instant.parse("2025-02-01T10:00:00Z"), DlqCommand.sinceInstant("2025-02-01T10:00:00Z", now));
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> DlqCommand.sinceInstant("yesterday", now));
        assertTrue(e.getMessage().startsWith("--since 'yesterday' is neither an instant"), e.getMessage());
    }

    @Test
    void aBadReasonPatternIsRefusedInOneLine() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> DlqCommand.filter("([a-z", null, now));
        assertTrue(e.getMessage().startsWith("--reason is not a regular expression"), e.getMessage());
    }

    @Test
    void hexDumpShowsOffsetsBytesAndAscii() {
        assertEquals("  00000000  41 0a ff                                         A..\n",
                DlqCommand.hex(new byte[] {'A', '\n', (byte) 0xff}, 3));
    }
}
