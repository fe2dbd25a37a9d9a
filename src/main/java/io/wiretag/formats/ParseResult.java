package io.wiretag.formats;

import io.wiretag.story.Story;
import java.util.List;

/**
 * What one input held: the stories read from it, and the items that could not be read (a many-item file
 * with one bad item still delivers the good ones; the bad ones go to the dead-letter topic).
 */
public record ParseResult(List<Story> stories, List<ItemFailure> failures) {
    public ParseResult {
        stories = List.copyOf(stories);
        failures = failures == null ? List.of() : List.copyOf(failures);
    }

    public static ParseResult of(Story story) {
        return new ParseResult(List.of(story), List.of());
    }

    public static ParseResult of(List<Story> stories) {
        return new ParseResult(stories, List.of());
    }

    /** A read that hands each story on as it reads it ({@link WireParser#stream}). */
    @FunctionalInterface
    public interface StreamingRead {
        Streamed into(java.util.function.Consumer<Story> sink) throws ParseException;
    }

    /** Everything a streamed read hands on, in one result. */
    public static ParseResult collect(StreamingRead read) throws ParseException {
        List<Story> stories = new java.util.ArrayList<>();
        Streamed s = read.into(stories::add);
        return new ParseResult(stories, s.failures());
    }

    /** What a streamed read handed on: how many stories, and the items that could not be read. */
    public record Streamed(int stories, List<ItemFailure> failures) {
        public Streamed {
            failures = List.copyOf(failures);
        }
    }

    /** One item of a many-item input that could not be read: its position (0-based) and why. */
    public record ItemFailure(int index, String reason) {
    }
}
