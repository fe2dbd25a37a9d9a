package io.wiretag.formats;

/**
 * Reads one wire format into canonical stories. Adding a format means adding one implementation, its
 * tests, and one line in {@link FormatDetector}.
 */
public interface WireParser {
    /** The format's name as it appears in {@code source.format} and the {@code wiretag.format} hint. */
    String format();

    /**
     * How sure this parser is that the bytes are its format, from a look at their start: 0 for "not
     * mine", 100 for a certain signature (a root element, a control-character envelope). Must be cheap.
     */
    int sniff(Sniff sniff);

    /** Reads the input. Throws when nothing in it can become a story, with a reason a person can act on. */
    ParseResult parse(RawInput input) throws ParseException;

    /**
     * Reads the input, handing each story to {@code sink} as it is read. A format whose items can be read one
     * at a time (a feed) overrides this so that a many-item input is never held whole; the others read it
     * all, then hand it on. Throws as {@link #parse} does, and then has handed nothing on.
     */
    default ParseResult.Streamed stream(RawInput input, java.util.function.Consumer<io.wiretag.story.Story> sink) throws ParseException {
        ParseResult r = parse(input);
        r.stories().forEach(sink);
        return new ParseResult.Streamed(r.stories().size(), r.failures());
    }
}
