package io.wiretag.formats;

import io.wiretag.story.Story;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;
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
        Collector c = new Collector(stories::add, noneIsAStory);
        int i = 0;
        for (T item : items) {
            if (i >= max) {
                c.failed(i, overMax);
                break;
            }
            int index = i;
            c.read(() -> reader.read(item, index), i);
            i++;
        }
        return new ParseResult(stories, c.result().failures());
    }

    /** Reads one item into a story, or throws with the reason it is no story. */
    @FunctionalInterface
    public interface ItemRead {
        Story read() throws ParseException;
    }

    /**
     * Items read one by one, each story handed on at once and each failure kept with its place: what
     * {@link #read} does over a list, for a reader that streams its items. A reader bug on one item is that
     * item's failure: the others, some handed on already, are not lost with it.
     */
    public static final class Collector {
        private final Consumer<Story> sink;
        private final Function<List<ParseResult.ItemFailure>, String> noneIsAStory;
        private final List<ParseResult.ItemFailure> failures = new ArrayList<>();
        private ParseException firstError;
        private int stories;

        public Collector(Consumer<Story> sink, Function<List<ParseResult.ItemFailure>, String> noneIsAStory) {
            this.sink = sink;
            this.noneIsAStory = noneIsAStory;
        }

        /** Reads item {@code index} (0-based): its story goes on, or its failure is kept. */
        public void read(ItemRead read, int index) {
            Story story;
            try {
                story = read.read();
            } catch (ParseException e) {
                firstError = firstError == null ? e : firstError;
                failures.add(new ParseResult.ItemFailure(index, e.getMessage()));
                return;
            } catch (RuntimeException e) {
                failures.add(new ParseResult.ItemFailure(index, "parser failed on this item: " + e));
                return;
            }
            sink.accept(story);
            stories++;
        }

        /** Item {@code index} is no story, for {@code reason}. */
        public void failed(int index, String reason) {
            failures.add(new ParseResult.ItemFailure(index, reason));
        }

        /** What was handed on; throws when items failed and none was a story (then nothing was handed on). */
        public ParseResult.Streamed result() throws ParseException {
            if (stories == 0 && !failures.isEmpty()) {
                throw failures.size() == 1 && firstError != null ? firstError : new ParseException(noneIsAStory.apply(failures));
            }
            return new ParseResult.Streamed(stories, failures);
        }
    }
}
