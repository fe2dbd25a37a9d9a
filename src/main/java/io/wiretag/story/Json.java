package io.wiretag.story;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.concurrent.atomic.LongAdder;

/** The one JSON mapper for wiretag's contracts: ISO-8601 instants, unknown fields tolerated on read. */
public final class Json {
    public static final ObjectMapper MAPPER = JsonMapper.builder()
            .addModule(new JavaTimeModule())
            .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
            .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .disable(DeserializationFeature.ADJUST_DATES_TO_CONTEXT_TIME_ZONE)
            .build();

    /** Stories encoded and decoded by this JVM: the pipeline's serde budget is held by a test against these. */
    private static final LongAdder STORY_ENCODES = new LongAdder();
    private static final LongAdder STORY_DECODES = new LongAdder();

    private Json() {
    }

    public static long storyEncodes() {
        return STORY_ENCODES.sum();
    }

    public static long storyDecodes() {
        return STORY_DECODES.sum();
    }

    /** Reads a JSON value of {@code type}, counting stories; for serdes that report their own errors. */
    public static <T> T readChecked(byte[] json, Class<T> type) throws IOException {
        if (type == Story.class) {
            STORY_DECODES.increment();
        }
        return MAPPER.readValue(json, type);
    }

    public static String write(Object value) {
        try {
            return MAPPER.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException(e);
        }
    }

    public static byte[] bytes(Object value) {
        if (value instanceof Story) {
            STORY_ENCODES.increment();
        }
        try {
            return MAPPER.writeValueAsBytes(value);
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException(e);
        }
    }

    public static <T> T read(byte[] json, Class<T> type) {
        try {
            return readChecked(json, type);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public static <T> T read(String json, Class<T> type) {
        try {
            return MAPPER.readValue(json, type);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
