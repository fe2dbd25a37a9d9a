package io.wiretag.pipeline;

import io.wiretag.tagging.Tagger;
import io.wiretag.tagging.Taxonomy;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Consumer;
import org.apache.kafka.streams.KeyValue;
import org.apache.kafka.streams.state.KeyValueIterator;
import org.apache.kafka.streams.state.ReadOnlyKeyValueStore;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The tagger in use, rebuilt from the {@code news.taxonomy} global store when that store changes, so a
 * taxonomy change applies to the next story without a restart. Until the topic holds a taxonomy, the
 * one from the files in {@code config/} is used. A taxonomy that does not load keeps the previous tagger.
 * <p>Compiling the tagger takes half a second or more of CPU; {@link #prepare()} starts it for the files'
 * taxonomy while Kafka Streams joins its group, and the topic's taxonomy reuses it when it holds the same
 * records (the usual case), so the first story does not wait for it on the stream thread.
 */
public final class LiveTaxonomy {
    private static final Logger LOG = LoggerFactory.getLogger(LiveTaxonomy.class);

    private final Taxonomy fromFiles;
    private final Consumer<Taxonomy> onInstall;
    private final AtomicLong generation = new AtomicLong();
    private volatile Installed current;
    private volatile CompletableFuture<Tagger> prepared;

    private record Installed(long generation, Tagger tagger) {
    }

    /**
     * @param fromFiles the taxonomy from {@code config/}, used while the topic holds none
     * @param onInstall called with each taxonomy before stories are tagged with it (e.g. to create the
     *                  {@code news.topic.*} topics it names)
     */
    public LiveTaxonomy(Taxonomy fromFiles, Consumer<Taxonomy> onInstall) {
        this.fromFiles = fromFiles;
        this.onInstall = onInstall;
    }

    /** Compiles the files' taxonomy on a thread of its own, for the first story to find ready. */
    public synchronized void prepare() {
        if (prepared == null) {
            prepared = CompletableFuture.supplyAsync(() -> Tagger.compile(fromFiles), r -> {
                Thread t = new Thread(r, "wiretag-tagger-compile");
                t.setDaemon(true);
                t.start();
            });
        }
    }

    /** The files' taxonomy compiled: the one {@link #prepare()} started, or compiled now. */
    private Tagger compiledFromFiles() {
        CompletableFuture<Tagger> p = prepared;
        return p == null ? Tagger.compile(fromFiles) : p.join();
    }

    private boolean sameAsFiles(Map<String, byte[]> records) {
        Map<String, byte[]> files = fromFiles.toRecords();
        if (files.size() != records.size()) {
            return false;
        }
        for (Map.Entry<String, byte[]> e : records.entrySet()) {
            if (!Arrays.equals(e.getValue(), files.get(e.getKey()))) {
                return false;
            }
        }
        return true;
    }

    /** The global store saw a change: the next story rebuilds the tagger. */
    public void changed() {
        generation.incrementAndGet();
    }

    /** The tagger for the next story: the current one, or a new one when the store changed since. */
    public Tagger tagger(ReadOnlyKeyValueStore<String, byte[]> store) {
        long g = generation.get();
        Installed c = current;
        if (c != null && c.generation() == g) {
            return c.tagger();
        }
        synchronized (this) {
            c = current;
            if (c != null && c.generation() == g) {
                return c.tagger();
            }
            Map<String, byte[]> records = new LinkedHashMap<>();
            try (KeyValueIterator<String, byte[]> it = store.all()) {
                while (it.hasNext()) {
                    KeyValue<String, byte[]> kv = it.next();
                    records.put(kv.key, kv.value);
                }
            }
            Taxonomy taxonomy;
            try {
                taxonomy = records.isEmpty() || sameAsFiles(records) ? fromFiles : Taxonomy.fromRecords(records);
            } catch (RuntimeException e) {
                if (c != null) {
                    LOG.error("news.taxonomy holds a taxonomy that does not load, keeping version {}: {}",
                            c.tagger().taxonomy().version(), e.getMessage());
                    current = new Installed(g, c.tagger());
                    return c.tagger();
                }
                LOG.error("news.taxonomy holds a taxonomy that does not load, using config files: {}", e.getMessage());
                taxonomy = fromFiles;
            }
            onInstall.accept(taxonomy);
            Tagger tagger = taxonomy == fromFiles ? compiledFromFiles() : Tagger.compile(taxonomy);
            if (c == null || !c.tagger().taxonomy().version().equals(taxonomy.version())) {
                LOG.info("tagging with taxonomy version {} ({} records from {})", taxonomy.version(), records.size(),
                        records.isEmpty() ? "config files" : "news.taxonomy");
            }
            current = new Installed(g, tagger);
            return tagger;
        }
    }
}
