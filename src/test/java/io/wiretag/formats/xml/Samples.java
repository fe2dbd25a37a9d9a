package io.wiretag.formats.xml;

import io.wiretag.formats.RawInput;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;

/** Reads the test samples under {@code samples/xml/} and wraps bytes as wire input. */
public final class Samples {
    private Samples() {
    }

    public static RawInput resource(String path) {
        try (InputStream in = Samples.class.getResourceAsStream("/samples/xml/" + path)) {
            if (in == null) {
                throw new IllegalArgumentException("no test sample samples/xml/" + path);
            }
            return input(in.readAllBytes(), path);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public static RawInput input(byte[] bytes, String source) {
        return new RawInput(bytes, null, null, source, Instant.parse("2025-03-01T12:00:00Z"));
    }

    public static RawInput utf8(String xml) {
        return input(xml.getBytes(StandardCharsets.UTF_8), "inline-sample");
    }
}
