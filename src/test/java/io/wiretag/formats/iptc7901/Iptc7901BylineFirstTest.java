package io.wiretag.formats.iptc7901;

import static io.wiretag.formats.samples.Samples.bytes;
import static io.wiretag.formats.samples.Samples.only;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.wiretag.formats.ParseException;
import io.wiretag.story.Story;
import io.wiretag.story.Text;
import org.junit.jupiter.api.Test;

/** A heading block whose first line is the byline: headline, byline and dateline each where a desk editor puts them. */
class Iptc7901BylineFirstTest {
    private final Iptc7901Parser parser = new Iptc7901Parser();

    @Test
    void bylineAboveTheHeadlineIsTheBylineAndTheHeadlineIsTheMarkedLine() throws ParseException {
        Story s = only(parser, bytes("iptc7901/dpa_byline_first.txt"));
        assertEquals("Court in Portoville halts harbour expansion", s.headline());
        assertEquals("Erika Beispiel, dpa", s.byline());
        assertEquals("Portoville (dpa)", s.dateline());
        assertTrue(Text.paragraphs(s.body()).get(0).startsWith("Portoville (dpa) - A regional court"), s.body());
        assertTrue(!s.body().contains("Erika Beispiel"), "the byline is not text: " + s.body());
    }

    @Test
    void bylineMarkedWithTheHeadlineSignIsStillNoHeadline() throws ParseException {
        Story s = only(parser, bytes("iptc7901/dpa_byline_marked.txt"));
        assertEquals("Sturm legt Bahnverkehr im Norden lahm", s.headline());
        assertEquals("Erika Beispiel, dpa", s.byline());
        assertEquals("Hamburg (dpa)", s.dateline());
    }
}
