package io.wiretag.pipeline;

import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertSame;

import io.wiretag.tagging.Tagger;
import io.wiretag.tagging.Taxonomy;
import java.nio.file.Path;
import java.util.Iterator;
import java.util.Map;
import java.util.TreeMap;
import org.apache.kafka.streams.KeyValue;
import org.apache.kafka.streams.state.KeyValueIterator;
import org.apache.kafka.streams.state.ReadOnlyKeyValueStore;
import org.junit.jupiter.api.Test;

/** The tagger the pipeline tags with, as news.taxonomy changes. */
class LiveTaxonomyTest {
    static final Taxonomy FILES = Taxonomy.load(Path.of("config/taxonomy"));
    static final com.fasterxml.jackson.databind.ObjectMapper JSON = new com.fasterxml.jackson.databind.ObjectMapper();

    @Test
    void theTopicHoldingTheFilesTaxonomyUsesTheTaggerCompiledAtStartAndAChangeCompilesANewOne() throws Exception {
        LiveTaxonomy live = new LiveTaxonomy(FILES, t -> { });
        live.prepare();
        Map<String, byte[]> records = new TreeMap<>(FILES.toRecords());
        Tagger first = live.tagger(store(records));
        live.changed(); // the same records published again
        assertSame(first, live.tagger(store(records)), "the same taxonomy is not compiled again");

        String key = records.keySet().stream().filter(k -> k.startsWith("entity:")).findFirst().orElseThrow();
        com.fasterxml.jackson.databind.node.ObjectNode entity = (com.fasterxml.jackson.databind.node.ObjectNode) JSON.readTree(records.get(key));
        entity.put("name", entity.path("name").asText() + " (renamed)");
        records.put(key, JSON.writeValueAsBytes(entity));
        live.changed();
        Tagger second = live.tagger(store(records));
        assertNotSame(first, second);
        assertNotEquals(first.taxonomy().version(), second.taxonomy().version(), "a different record is another version");
    }

    static ReadOnlyKeyValueStore<String, byte[]> store(Map<String, byte[]> records) {
        TreeMap<String, byte[]> m = new TreeMap<>(records);
        return new ReadOnlyKeyValueStore<>() {
            @Override
            public byte[] get(String key) {
                return m.get(key);
            }

            @Override
            public KeyValueIterator<String, byte[]> range(String from, String to) {
                return iterator(m.subMap(from, true, to, true));
            }

            @Override
            public KeyValueIterator<String, byte[]> all() {
                return iterator(m);
            }

            @Override
            public long approximateNumEntries() {
                return m.size();
            }
        };
    }

    static KeyValueIterator<String, byte[]> iterator(Map<String, byte[]> m) {
        Iterator<Map.Entry<String, byte[]>> it = m.entrySet().iterator();
        return new KeyValueIterator<>() {
            @Override
            public void close() {
            }

            @Override
            public String peekNextKey() {
                throw new UnsupportedOperationException();
            }

            @Override
            public boolean hasNext() {
                return it.hasNext();
            }

            @Override
            public KeyValue<String, byte[]> next() {
                Map.Entry<String, byte[]> e = it.next();
                return KeyValue.pair(e.getKey(), e.getValue());
            }
        };
    }
}
