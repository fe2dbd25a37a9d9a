package io.wiretag.formats;

import io.wiretag.story.Story;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;

/**
 * Reads the items of a many-item input one by one: a bad item becomes a {@link ParseResult.ItemFailure}
 * and the good ones are still delivered; only when no item is a story does the whole input fail.
 */
public final class Items {
    private Items() {
    }

    /** Reads one item (0-based {@code index}) into a story, or throws with the reason this item is no story. */
    @FunctionalInterface
    public interface Reader<T> {
        Story read(T item, int index) throws ParseException;
    }

    /** {@link #read(Iterable, int, String, Reader, Function)} without a cap on the number of items. */
    public static <T> ParseResult read(Iterable<T> items, Reader<T> reader,
            Function<List<ParseResult.ItemFailure>, String> noneIsAStory) throws ParseException {
        return read(items, Integer.MAX_VALUE, null, reader, noneIsAStory);
    }

    /**
     * Reads every item. Items after the first {@code max} are not read: one failure with reason
     * {@code overMax} stands for them. When no item is a story, throws: with the item's own exception if
     * only one failed, else with the reason {@code noneIsAStory} makes of all the failures. No items at
     * all is an empty result, not an error: the caller says whether an input without items is one.
     */
    public static <T> ParseResult read(Iterable<T> items, int max, String overMax, Reader<T> reader,
            Function<List<ParseResult.ItemFailure>, String> noneIsAStory) throws ParseException {
        List<Story> stories = new ArrayList<>();
        List<ParseResult.ItemFailure> failures = new ArrayList<>();
        ParseException firstError = null;
        int i = 0;
        for (T item : items) {
            if (i >= max) {
                failures.add(new ParseResult.ItemFailure(i, overMax));
                break;
            }
            try {
                stories.add(reader.read(item, i));
            } catch (ParseException e) {
                firstError = firstError == null ? e : firstError;
                failures.add(new ParseResult.ItemFailure(i, e.getMessage()));
            }
            i++;
        }
        if (stories.isEmpty() && !failures.isEmpty()) {
            throw failures.size() == 1 && firstError != null ? firstError : new ParseException(noneIsAStory.apply(failures));
        }
        return new ParseResult(stories, failures);
    }
}
