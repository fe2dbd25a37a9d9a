package io.wiretag.formats;

import java.nio.charset.StandardCharsets;

/**
 * The start of an input, prepared once for every parser's {@link WireParser#sniff}: the raw bytes and
 * their first few kilobytes read as Latin-1 (one char per byte) with a BOM and leading whitespace removed.
 */
public record Sniff(byte[] bytes, String head) {
    static final int HEAD_BYTES = 4096;

    public static Sniff of(byte[] bytes) {
        int start = 0;
        if (bytes.length >= 3 && (bytes[0] & 0xff) == 0xEF && (bytes[1] & 0xff) == 0xBB && (bytes[2] & 0xff) == 0xBF) {
            start = 3;
        }
        int end = Math.min(bytes.length, start + HEAD_BYTES);
        String head = new String(bytes, start, end - start, StandardCharsets.ISO_8859_1);
        return new Sniff(bytes, head.stripLeading());
    }
}
