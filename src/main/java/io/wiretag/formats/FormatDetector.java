package io.wiretag.formats;

import io.wiretag.formats.plain.PlainTextParser;
import io.wiretag.story.Story;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.function.Consumer;

/**
 * Picks the parser for an input: the {@code wiretag.format} hint when it names a known format, else the
 * parser whose {@link WireParser#sniff} is surest. Also guards what every format shares: empty input and
 * the size limit.
 */
public final class FormatDetector {
    /** Default limit on one input; larger inputs are refused before any parser reads them. */
    public static final int DEFAULT_MAX_BYTES = 16 * 1024 * 1024;

    private final List<WireParser> parsers;
    private final int maxBytes;

    public FormatDetector(List<WireParser> parsers, int maxBytes) {
        this.parsers = List.copyOf(parsers);
        this.maxBytes = maxBytes;
    }

    /** Every format wiretag reads, most specific first. */
    public static FormatDetector standard() {
        return standard(DEFAULT_MAX_BYTES);
    }

    /** Every format wiretag reads, each parser refusing inputs over {@code maxBytes} (wiretag.max.input.bytes). */
    public static FormatDetector standard(int maxBytes) {
        List<WireParser> all = new ArrayList<>();
        // Formats register here, one line each; plain text last, as the fallback for readable text.
        all.add(new io.wiretag.formats.newsmlg2.NewsMlG2Parser(maxBytes));
        all.add(new io.wiretag.formats.nitf.NitfParser(maxBytes));
        all.add(new io.wiretag.formats.newsml1.NewsMl1Parser(maxBytes));
        all.add(new io.wiretag.formats.feed.RssParser(maxBytes));
        all.add(new io.wiretag.formats.feed.AtomParser(maxBytes));
        all.add(new io.wiretag.formats.anpa.AnpaParser(io.wiretag.formats.anpa.PriorityMap.standard(), maxBytes));
        all.add(new io.wiretag.formats.iptc7901.Iptc7901Parser(io.wiretag.formats.anpa.PriorityMap.standard(), maxBytes));
        all.add(new io.wiretag.formats.zczc.ZczcParser(maxBytes));
        all.add(new io.wiretag.formats.apmedia.ApMediaParser(maxBytes));
        all.add(new io.wiretag.formats.dpa.DigitalwiresParser(maxBytes));
        all.add(new io.wiretag.formats.ninjs.NinjsParser(maxBytes));
        all.add(new PlainTextParser(maxBytes));
        return new FormatDetector(all, maxBytes);
    }

    /** The parsers, in the order they are asked; a detector with other limits or one parser swapped can be made from them. */
    public List<WireParser> parsers() {
        return parsers;
    }

    public List<String> formats() {
        return parsers.stream().map(WireParser::format).toList();
    }

    public WireParser detect(RawInput input) throws ParseException {
        byte[] bytes = input.bytes();
        if (bytes.length == 0) {
            throw new ParseException("empty input: 0 bytes, nothing to read");
        }
        if (bytes.length > maxBytes) {
            throw new ParseException("input is " + bytes.length + " bytes, over the limit of " + maxBytes
                    + " bytes (wiretag.max.input.bytes)");
        }
        if (input.formatHint() != null && !input.formatHint().isBlank()) {
            String hint = input.formatHint().strip().toLowerCase(Locale.ROOT);
            for (WireParser p : parsers) {
                if (p.format().equals(hint)) {
                    return p;
                }
            }
        }
        Sniff sniff = Sniff.of(bytes);
        WireParser best = null;
        int bestScore = 0;
        for (WireParser p : parsers) {
            int score = p.sniff(sniff);
            if (score > bestScore) {
                best = p;
                bestScore = score;
            }
        }
        if (best == null) {
            throw new ParseException("unrecognised format: not one of " + formats() + "; input starts with "
                    + printable(sniff.head()));
        }
        return best;
    }

    /** Detects the format and parses; every failure is a {@link ParseException} with a reason. */
    public ParseResult parse(RawInput input) throws ParseException {
        return ParseResult.collect(sink -> stream(input, sink));
    }

    /**
     * Detects the format and reads the input, handing each story to {@code sink} as it is read (a feed one
     * item at a time). Every failure is a {@link ParseException} with a reason, and then nothing was handed
     * on; but a parser bug after some stories went on ends the read with a failure after them, so that
     * they are not sent twice.
     */
    public ParseResult.Streamed stream(RawInput input, Consumer<Story> sink) throws ParseException {
        WireParser parser = detect(input);
        int[] handed = {0};
        try {
            ParseResult.Streamed result = parser.stream(input, story -> {
                handed[0]++;
                sink.accept(story);
            });
            if (result.stories() == 0 && result.failures().isEmpty()) {
                throw new ParseException(parser.format() + ": no story in this input");
            }
            return result;
        } catch (ParseException e) {
            throw e;
        } catch (RuntimeException | StackOverflowError e) {
            // A parser bug must not stop the pipeline: the input goes to the dead-letter topic with the cause.
            String reason = parser.format() + ": parser failed on this input: " + e;
            if (handed[0] > 0) {
                return new ParseResult.Streamed(handed[0], List.of(new ParseResult.ItemFailure(handed[0],
                        reason + " (after " + handed[0] + " stories)")));
            }
            throw new ParseException(reason, e);
        }
    }

    static String printable(String head) {
        StringBuilder out = new StringBuilder("\"");
        for (int i = 0; i < Math.min(head.length(), 40); i++) {
            char c = head.charAt(i);
            if (c >= 0x20 && c < 0x7f) {
                out.append(c);
            } else {
                out.append(String.format("\\x%02X", (int) c));
            }
        }
        return out.append(head.length() > 40 ? "...\"" : "\"").toString();
    }
}
