package io.wiretag.formats;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.wiretag.story.Story;
import io.wiretag.story.StoryDraft;
import java.util.List;
import org.junit.jupiter.api.Test;

class ItemsTest {
    private static final RawInput INPUT = RawInput.of(new byte[0], "test");

    /** "bad" items fail with their own reason; any other text becomes a story with that headline. */
    private static Story read(String item, int index) throws ParseException {
        if (item.startsWith("bad")) {
            throw new ParseException("t: " + item + " at " + index);
        }
        StoryDraft d = new StoryDraft();
        d.headline = item;
        return d.build(INPUT.delivery("t", null, null));
    }

    private static String none(List<ParseResult.ItemFailure> failures) {
        return "t: none of the " + failures.size() + " items is a story; first: " + failures.get(0).reason();
    }

    @Test
    void aBadItemIsAFailureAndTheGoodOnesAreDelivered() throws ParseException {
        ParseResult r = Items.read(List.of("one", "bad two", "three"), ItemsTest::read, ItemsTest::none);
        assertEquals(List.of("one", "three"), r.stories().stream().map(Story::headline).toList());
        assertEquals(List.of(new ParseResult.ItemFailure(1, "t: bad two at 1")), r.failures());
    }

    @Test
    void whenNoItemIsAStoryTheInputFailsWithTheReasonItsParserGives() {
        ParseException e = assertThrows(ParseException.class,
                () -> Items.read(List.of("bad a", "bad b"), ItemsTest::read, ItemsTest::none));
        assertEquals("t: none of the 2 items is a story; first: t: bad a at 0", e.getMessage());
    }

    @Test
    void aSingleBadItemFailsWithItsOwnException() {
        ParseException own = new ParseException("t: its own reason");
        ParseException e = assertThrows(ParseException.class,
                () -> Items.read(List.of("x"), (item, i) -> { throw own; }, ItemsTest::none));
        assertSame(own, e);
    }

    @Test
    void itemsOverTheCapAreOneFailureAndNotRead() throws ParseException {
        ParseResult r = Items.read(List.of("a", "b", "bad c", "d"), 2, "t: more than 2 items", ItemsTest::read, ItemsTest::none);
        assertEquals(2, r.stories().size());
        assertEquals(List.of(new ParseResult.ItemFailure(2, "t: more than 2 items")), r.failures());
    }

    @Test
    void noItemsIsAnEmptyResult() throws ParseException {
        ParseResult r = Items.read(List.<String>of(), ItemsTest::read, ItemsTest::none);
        assertTrue(r.stories().isEmpty() && r.failures().isEmpty());
    }
}
