package io.wiretag.formats.dpa;

import static io.wiretag.formats.samples.Samples.only;
import static io.wiretag.formats.samples.Samples.parse;
import static io.wiretag.formats.samples.Samples.utf8;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.wiretag.formats.ParseException;
import io.wiretag.formats.ParseResult;
import io.wiretag.formats.Sniff;
import io.wiretag.story.PubStatus;
import io.wiretag.story.Revision;
import io.wiretag.story.Story;
import io.wiretag.story.Text;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

class DigitalwiresParserTest {
    private final DigitalwiresParser parser = new DigitalwiresParser();

    private static String entry(String urn, String signal, String extra) {
        return "{\"format\": \"digitalwires@0.9.1\", \"urn\": \"" + urn + "\", \"version\": 3, \"updated\": \"2025-02-01T09:00:00Z\","
                + " \"version_created\": \"2025-02-01T11:00:00+02:00\", \"pubstatus\": \"usable\", \"signal\": \"" + signal + "\","
                + " \"urgency\": 2, \"language\": \"de\", \"headline\": \"F\u00e4hre f\u00e4hrt wieder\", \"dateline\": \"Rom (dpa) - \","
                + " \"article_html\": \"<section class=\\\"main\\\"><p><span class=\\\"dateline\\\">Rom <span>(dpa)</span> - </span>Die F\u00e4hre f\u00e4hrt.</p><h2>Zwischentitel</h2><p>Zweiter Absatz.</p></section>\","
                + " \"notepad\": {\"nonpublic_html\": \"<p>Kontakt: geheim@example.org</p>\"},"
                + " \"ednotes\": [{\"role\": \"dpaednoterole:correction\", \"ednote\": \"Name korrigiert.\", \"is_publishable\": true},"
                + " {\"role\": \"dpaednoterole:contacts\", \"ednote\": \"Anna, +49 1\", \"is_publishable\": false}]" + extra + "}";
    }

    @Test
    void correctionSignalMixedOffsetsEdnotesAndHtmlBody() throws ParseException {
        Story s = only(parser, utf8(entry("urn:newsml:dpa.com:1", "sig:correction", ", \"embargoed\": \"2025-02-01T12:00:00Z\"")));
        assertEquals("dpa:urn:newsml:dpa.com:1", s.id());
        assertEquals(Revision.CORRECTION, s.revision());
        assertEquals("3", s.version());
        assertEquals(Instant.parse("2025-02-01T09:00:00Z"), s.versionCreated(), "+02:00 read as an offset");
        assertEquals(Instant.parse("2025-02-01T12:00:00Z"), s.embargoedUntil());
        assertEquals("Rom (dpa)", s.dateline());
        assertEquals(List.of("Rom (dpa) - Die F\u00e4hre f\u00e4hrt.", "Zwischentitel", "Zweiter Absatz."), Text.paragraphs(s.body()));
        assertEquals(List.of("correction: Name korrigiert.", "contacts: Anna, +49 1"), s.editorNotes());
        assertFalse(s.body().contains("geheim"), "the non-public notepad is not body");
    }

    @Test
    void updateAndKillSignals() throws ParseException {
        assertEquals(Revision.UPDATE, only(parser, utf8(entry("urn:2", "sig:update", ""))).revision());
        Story kill = only(parser, utf8(entry("urn:3", "sig:kill", "")));
        assertEquals(Revision.KILL, kill.revision());
        assertEquals(PubStatus.CANCELED, kill.pubStatus());
    }

    @Test
    void entriesListKeepsGoodEntriesWhenOneHasNoUrn() throws ParseException {
        ParseResult r = parse(parser, utf8("{\"entries\": [" + entry("urn:4", "", "") + ", {\"headline\": \"x\"}]}"));
        assertEquals(1, r.stories().size());
        assertEquals(1, r.failures().size());
        assertTrue(r.failures().get(0).reason().contains("urn"));
    }

    @Test
    void sniffKnowsDigitalwiresOnly() {
        assertEquals(100, parser.sniff(Sniff.of(utf8(entry("urn:5", "", "")))));
        assertEquals(0, parser.sniff(Sniff.of(utf8("{\"uri\": \"x\", \"headline\": \"h\"}"))));
    }
}
