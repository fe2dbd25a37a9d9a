package io.wiretag.formats.zczc;

import static io.wiretag.formats.samples.Samples.bytes;
import static io.wiretag.formats.samples.Samples.only;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.wiretag.formats.ParseException;
import io.wiretag.story.Story;
import io.wiretag.story.Text;
import java.util.List;
import org.junit.jupiter.api.Test;

/** AAP messages without a TI#/TX# pair: a bulletin is a story whose body is its list. */
class ZczcBulletinTest {
    private final ZczcParser parser = new ZczcParser();

    @Test
    void morningHeadlinesWithOneCharacterFieldsAreAStoryWhoseBodyIsTheList() throws ParseException {
        Story s = only(parser, bytes("zczc/am_headlines.tst"));
        assertEquals("AAP Morning Headlines", s.headline());
        assertEquals("Morning", s.slugline());
        assertEquals(List.of("Parliament sits late to pass the harbour bill", "Portoville ferry strike ends after four days",
                "Laketown choir takes national title", "Dollar steady ahead of rates decision"), Text.paragraphs(s.body()));
    }

    @Test
    void aBareListIsAStoryTooHeadedByItsFirstLine() throws ParseException {
        Story s = only(parser, bytes("zczc/headline_list.tst"));
        assertEquals(3, Text.paragraphs(s.body()).size());
        assertEquals("Parliament sits late to pass the harbour bill", s.headline());
        assertEquals("aap", s.source().provider());
    }
}
