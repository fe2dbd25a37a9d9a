package io.wiretag.story;

/** Facts about the original bytes: their hash, length, the charset they declared and the one they were in. */
public record Raw(String sha256, long bytes, String declaredCharset, String detectedCharset) {
}
