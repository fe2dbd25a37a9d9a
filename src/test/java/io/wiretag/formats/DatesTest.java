package io.wiretag.formats;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.time.Instant;
import java.time.ZoneId;
import org.junit.jupiter.api.Test;

class DatesTest {
    @Test
    void isoWithColonlessOffsetAndWhitespaceInside() {
        assertEquals(Instant.parse("2017-08-24T04:38:34Z"), Dates.parse("2017-08-24T04:38:34+0000"));
        assertEquals(Instant.parse("2024-09-24T10:05:52Z"), Dates.parse("\n  2024-09-24T12:05:52+02:00 \n"));
    }

    @Test
    void theCommonIsoShapesTakeTheShortPathAndReadTheSame() {
        assertEquals(true, Dates.isoWithZone("2025-02-01T06:00:00Z"));
        assertEquals(Instant.parse("2025-02-01T06:00:00Z"), Dates.parse("2025-02-01T06:00:00Z"));
        assertEquals(Instant.parse("2025-02-01T06:00:00Z"), Dates.parse("2025-02-01T06:00Z"));
        assertEquals(true, Dates.isoWithZone("2025-02-01T06:00:00.250-05:30"));
        assertEquals(Instant.parse("2025-02-01T11:30:00.250Z"), Dates.parse("2025-02-01T06:00:00.250-05:30"));
        assertEquals(false, Dates.isoWithZone("2025-02-01T06:00:00+0100"), "no colon: the general path rewrites it");
        assertEquals(Instant.parse("2025-02-01T05:00:00Z"), Dates.parse("2025-02-01T06:00:00+0100"));
        assertEquals(false, Dates.isoWithZone("2025-02-01 06:00:00Z"));
        assertEquals(Instant.parse("2025-02-01T06:00:00Z"), Dates.parse("2025-02-01 06:00:00Z"));
        assertNull(Dates.parse("2025-02-30T06:00:00Z"), "the short path's failure falls through to the same refusal");
    }

    @Test
    void localizedRfc822Dates() {
        assertEquals(Instant.parse("2024-09-23T08:00:00Z"), Dates.parse("Mo, 23 Sep 2024 10:00:00 +0200"));
        assertEquals(Instant.parse("2025-03-04T09:15:00Z"), Dates.parse("Di, 4. M\u00e4rz 2025 10:15 MEZ"));
        assertEquals(Instant.parse("2018-12-09T11:23:00Z"), Dates.parse("dim., 9 d\u00e9c. 2018 12:23 +0100"));
    }

    @Test
    void monthWrittenOutWithoutZoneIsUtcOrTheGivenZone() {
        assertEquals(Instant.parse("2016-06-06T14:00:00Z"), Dates.parse("06 June 2016 14:00:00"));
        assertEquals(Instant.parse("2016-06-06T04:00:00Z"), Dates.parse("06 June 2016 14:00:00", ZoneId.of("Australia/Sydney")));
        assertEquals(Instant.parse("2013-11-13T11:37:00Z"), Dates.parse("13 Nov 2013 11:37 GMT", ZoneId.of("Asia/Tokyo")),
                "a zone in the text wins over the zone-less default");
    }

    @Test
    void placeholdersAndNonsenseAreNull() {
        assertNull(Dates.parse("0000-00-00T00:00:00Z"));
        assertNull(Dates.parse("N/A"));
        assertNull(Dates.parse("--"));
        assertNull(Dates.parse("31 Foo 2020 10:00"));
        assertNull(Dates.parse("2020-02-30T10:00:00Z"));
        assertNull(Dates.parse(null));
    }
}
