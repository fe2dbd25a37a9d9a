package io.wiretag.formats.notices;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.wiretag.formats.FormatDetector;
import io.wiretag.formats.ParseException;
import io.wiretag.formats.ParseResult;
import io.wiretag.formats.RawInput;
import io.wiretag.story.Json;
import io.wiretag.story.PubStatus;
import io.wiretag.story.Revision;
import io.wiretag.story.Story;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import org.junit.jupiter.api.Test;

/**
 * A withheld notice ("do not use until further notice") is a lifecycle signal, like a kill: it comes
 * through as a story with pubStatus withheld, even when it carries no text at all.
 */
class WithheldNoticesTest {
    private final FormatDetector detector = FormatDetector.standard();

    private Story only(String resource) throws ParseException, IOException {
        byte[] bytes;
        try (InputStream in = getClass().getResourceAsStream("/samples/" + resource)) {
            bytes = in.readAllBytes();
        }
        ParseResult r = detector.parse(new RawInput(bytes, null, null, resource, Instant.parse("2025-03-01T12:00:00Z")));
        assertEquals(1, r.stories().size(), "one story from " + resource);
        assertTrue(r.failures().isEmpty(), "no failures: " + r.failures());
        return r.stories().get(0);
    }

    @Test
    void ninjsWithheldWithoutTextIsAWithheldStoryNotARefusal() throws Exception {
        Story s = only("json/ninjs-withheld.json");
        assertEquals("ninjs", s.source().format());
        assertEquals(PubStatus.WITHHELD, s.pubStatus());
        assertEquals("urn:example-wire:2025:harbour-1", s.guid(), "the notice names the story it withholds");
        assertEquals("", s.body());
        assertNotEquals(Revision.KILL, s.revision(), "withheld is not a kill: a later usable version releases it");
        assertTrue(Json.write(s).contains("\"pubStatus\":\"withheld\""), Json.write(s));
    }

    @Test
    void ninjsWithoutTextAndWithoutNoticeIsStillRefused() {
        byte[] json = "{\"uri\": \"urn:x:1\", \"versioncreated\": \"2025-03-01T11:00:00Z\", \"pubstatus\": \"usable\"}"
                .getBytes(StandardCharsets.UTF_8);
        ParseException e = assertThrows(ParseException.class, () -> detector.parse(RawInput.of(json, "t")));
        assertTrue(e.getMessage().contains("nothing to publish"), e.getMessage());
    }

    @Test
    void newsMlG2StatWithheldWithoutTextKeepsItsEdNote() throws Exception {
        Story s = only("xml/newsmlg2/withheld-no-text.xml");
        assertEquals(PubStatus.WITHHELD, s.pubStatus());
        assertEquals("example:urn:newsml:example.com:20250301:harbour", s.id(), "provider from the guid, as for every G2 item");
        assertEquals(Revision.UPDATE, s.revision(), "version 3 without a signal");
        assertEquals("", s.body());
        assertTrue(s.editorNotes().contains("Withheld pending legal review. Do not use."), s.editorNotes().toString());
    }

    @Test
    void nitfWithheldNoticeForAnotherDocumentCarriesThatDocumentsId() throws Exception {
        Story s = only("xml/nitf/withheld-other-doc.xml");
        assertEquals(PubStatus.WITHHELD, s.pubStatus());
        assertEquals("wt.sample.200.a", s.guid(), "so the pipeline can hold the story it already routed");
        assertTrue(s.editorNotes().stream().anyMatch(n -> n.contains("Withholds document wt.sample.200.a")), s.editorNotes().toString());
    }
}
