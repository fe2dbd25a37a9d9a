package io.wiretag.formats.anpa;

import static io.wiretag.formats.samples.Samples.bytes;
import static io.wiretag.formats.samples.Samples.only;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.wiretag.formats.ParseException;
import io.wiretag.story.Story;
import io.wiretag.story.Text;
import java.util.List;
import org.junit.jupiter.api.Test;

/** ANPA copy that is not a running story: headline digests and agate tables, read as a desk editor reads them. */
class AnpaDigestsAndTablesTest {
    private final AnpaParser parser = new AnpaParser();

    @Test
    void topHeadlinesDigestIsTitledByItsTitleLineAndListsEveryHeadlineInTheBody() throws ParseException {
        Story s = only(parser, bytes("anpa/ap_top_headlines.tst"));
        assertEquals("AP Top Arts News at 9:15 p.m. EST", s.headline());
        assertEquals(List.of("Harbour festival returns after two-year pause", "Museum in Portoville reopens its glass wing",
                "Choir from Laketown wins national contest", "Novelist's first play opens to full houses"),
                Text.paragraphs(s.body()));
        assertEquals("AP-Top-Arts-Headlines", s.slugline(), "the control residue before the keyword is gone");
        assertTrue(s.editorNotes().isEmpty(), "the listed headlines are the text, not notes: " + s.editorNotes());
    }

    @Test
    void glanceTableIsTitledByItsTitleLineNeverByTheColumnHeaderRow() throws ParseException {
        Story s = only(parser, bytes("anpa/ap_glance.tst"));
        assertEquals("River League Glance", s.headline());
        assertEquals("The Associated Press", s.byline());
        List<String> body = Text.paragraphs(s.body());
        assertEquals(List.of("NORTH DIVISION", "W L Pct GB", "Northside 20 5 .800 _", "Laketown 15 10 .600 5",
                "Hillford 9 16 .360 11", "Saturday's Games", "Northside 88, Hillford 71", "Laketown 80, Riverside 79"), body,
                "one row per line, the section and the column headers kept");
        assertTrue(s.editorNotes().contains("All Times CET"), s.editorNotes().toString());
    }

    @Test
    void semicolonStandingsWithoutGlanceInTheTitleAlsoKeepTheTitle() throws ParseException {
        Story s = only(parser, bytes("anpa/ap_expanded_standings.tst"));
        assertEquals("River League Expanded Standings", s.headline());
        List<String> body = Text.paragraphs(s.body());
        assertEquals(";W;L;Pct;GB;L10;Str", body.get(1));
        assertEquals("Northside;20;5;.800;_;8-2;W-3", body.get(2));
    }

    @Test
    void columnHeaderRowsAreToldFromShortHeadlines() {
        assertTrue(AnpaParser.isColumnHeader("W   L   Pct   WCGB"));
        assertTrue(AnpaParser.isColumnHeader(";W;L;Pct;GB;WCGB;L10;Str;Home;Away"));
        assertFalse(AnpaParser.isColumnHeader("Top 10 News"));
        assertFalse(AnpaParser.isColumnHeader("Ferry sinks off coast"));
    }
}
