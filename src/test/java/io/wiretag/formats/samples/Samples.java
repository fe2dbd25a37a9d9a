package io.wiretag.formats.samples;

import io.wiretag.formats.ParseException;
import io.wiretag.formats.ParseResult;
import io.wiretag.formats.RawInput;
import io.wiretag.formats.WireParser;
import io.wiretag.story.Story;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;

/** Test helpers: the project's own sample files and inputs built from strings. */
public final class Samples {
    private Samples() {
    }

    /** A sample under {@code src/test/resources/samples/bytes/}. */
    public static byte[] bytes(String path) {
        try (InputStream in = Samples.class.getResourceAsStream("/samples/bytes/" + path)) {
            if (in == null) {
                throw new IllegalArgumentException("no sample " + path);
            }
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** One char per byte: lets a test write control characters and Latin-1 bytes as string escapes. */
    public static byte[] latin1(String s) {
        return s.getBytes(StandardCharsets.ISO_8859_1);
    }

    public static byte[] utf8(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }

    public static RawInput input(byte[] bytes) {
        return new RawInput(bytes, null, null, "test", Instant.parse("2025-02-01T00:00:00Z"));
    }

    public static ParseResult parse(WireParser parser, byte[] bytes) throws ParseException {
        return parser.parse(input(bytes));
    }

    public static Story only(WireParser parser, byte[] bytes) throws ParseException {
        ParseResult r = parse(parser, bytes);
        if (r.stories().size() != 1 || !r.failures().isEmpty()) {
            throw new AssertionError("expected one story, got " + r.stories().size() + " and failures " + r.failures());
        }
        return r.stories().get(0);
    }

    /** True when the text holds a control character other than the line feeds between paragraphs. */
    public static boolean hasControl(String s) {
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c != '\n' && Character.isISOControl(c)) {
                return true;
            }
        }
        return false;
    }
}
