package io.wiretag.kafka;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.wiretag.story.Json;
import java.io.BufferedWriter;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.header.Header;

/**
 * Writes every committed record of a topic to {@code <dir>/<topic>.ndjson}, one JSON object a line:
 * partition, offset, timestamp, key, value (as JSON when it is JSON, else {@code valueBase64}) and headers.
 */
public final class TopicDump {
    private TopicDump() {
    }

    /** Dumps one topic; returns the number of records written. */
    public static int dump(Map<String, Object> clientSettings, String topic, Path dir) throws IOException {
        List<ConsumerRecord<byte[], byte[]>> records = TopicReader.readAll(clientSettings, topic, Duration.ofSeconds(60));
        Files.createDirectories(dir);
        try (BufferedWriter w = Files.newBufferedWriter(dir.resolve(topic + ".ndjson"), StandardCharsets.UTF_8)) {
            for (ConsumerRecord<byte[], byte[]> r : records) {
                w.write(Json.write(toJson(r)));
                w.write('\n');
            }
        }
        return records.size();
    }

    /** One record as the dump writes it. */
    public static ObjectNode toJson(ConsumerRecord<byte[], byte[]> r) {
        ObjectNode o = Json.MAPPER.createObjectNode();
        o.put("partition", r.partition());
        o.put("offset", r.offset());
        o.put("timestamp", r.timestamp());
        putBytes(o, "key", r.key(), false);
        putBytes(o, "value", r.value(), true);
        ArrayNode headers = o.putArray("headers");
        for (Header h : r.headers()) {
            ObjectNode hn = headers.addObject();
            hn.put("key", h.key());
            putBytes(hn, "value", h.value(), false);
        }
        return o;
    }

    private static void putBytes(ObjectNode o, String field, byte[] bytes, boolean json) {
        if (bytes == null) {
            o.putNull(field);
            return;
        }
        if (json && bytes.length > 0 && (bytes[0] == '{' || bytes[0] == '[')) {
            try {
                JsonNode tree = Json.MAPPER.readTree(bytes);
                o.set(field, tree);
                return;
            } catch (IOException notJson) {
                // falls through to text or base64
            }
        }
        String text = utf8(bytes);
        if (text != null && !json) {
            o.put(field, text);
        } else {
            o.put(field + "Base64", Base64.getEncoder().encodeToString(bytes));
        }
    }

    private static String utf8(byte[] bytes) {
        try {
            return StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(bytes)).toString();
        } catch (CharacterCodingException e) {
            return null;
        }
    }
}
