package io.wiretag.formats.hostile;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.wiretag.formats.FormatDetector;
import io.wiretag.formats.ParseResult;
import io.wiretag.formats.RawInput;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/** A transmission of more messages than one input is read for: the rest is reported as a failure, never dropped silently. */
class ManyMessagesTest {
    @Test
    void anpaMessagesBeyondTheCapAreReportedNotDropped() {
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < 10_005; i++) {
            sb.append("\026\026\001W0001\037world\nr a\023\021 BC-Harbour-").append(i).append("     03-01 0002\n\002^BC-Harbour-")
                    .append(i).append(",2<\n^Harbour notice ").append(i).append("<\n\t   Ferry at dawn.\n\t   \003AP-WF-03-01-25 1200GMT<\n\004");
        }
        byte[] bytes = sb.toString().getBytes(StandardCharsets.ISO_8859_1);
        ParseResult r = Measured.run("ANPA, 10,005 messages", Duration.ofSeconds(60),
                () -> FormatDetector.standard().parse(RawInput.of(bytes, "many.tst")));
        assertEquals(10_000, r.stories().size());
        assertEquals(1, r.failures().size());
        assertEquals(10_000, r.failures().get(0).index());
        assertTrue(r.failures().get(0).reason().startsWith("anpa: more than 10000 messages in one input"), r.failures().get(0).reason());
    }
}
