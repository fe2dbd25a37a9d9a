package io.wiretag.pipeline;

import io.wiretag.config.WiretagConfig;
import io.wiretag.formats.FormatDetector;
import io.wiretag.kafka.Topics;
import io.wiretag.lifecycle.LifecycleSettings;
import io.wiretag.story.Story;
import io.wiretag.story.Tags;
import java.time.Duration;
import java.util.function.Function;

/**
 * Everything {@link WiretagTopology#build} needs besides the Streams properties: the topics, the parsers,
 * the live taxonomy, the lifecycle and alert settings, the partition count of the internal topics (that of
 * {@code news.stories}, so the verdicts meet their stories), and how many of the {@code dup-claims} partitions
 * hold a shard of the duplicate window ({@code duplicateShards}, 0 for all of them). {@code tagger}, when set,
 * tags every story instead of the live taxonomy: for tests that need tags of their own choosing.
 */
public record TopologySpec(Topics topics, FormatDetector detector, LiveTaxonomy taxonomy, Function<Story, Tags> tagger,
                           LifecycleSettings lifecycle, WatchSettings watch, int partitions, int duplicateShards,
                           Duration trendEmitInterval) {
    public TopologySpec {
        if (partitions < 1) {
            throw new IllegalArgumentException("the internal topics need at least one partition, not " + partitions);
        }
        if (duplicateShards < 0) {
            throw new IllegalArgumentException("config " + WiretagConfig.DUPLICATE_SHARDS + " must be 0 (one shard a partition) or more, not "
                    + duplicateShards);
        }
    }

    /**
     * The shards of the duplicate window: the first this many partitions of {@code dup-claims}, at most all of
     * them. A story asks each shard that owns one of its keys, so fewer shards mean fewer claims, shard entries
     * and verdicts per story, and that stage spread over fewer tasks.
     */
    public int shards() {
        return duplicateShards == 0 ? partitions : Math.min(duplicateShards, partitions);
    }

    /** The spec of the running app, from its configuration. */
    public static TopologySpec from(WiretagConfig c, Topics topics, LiveTaxonomy taxonomy) {
        return new TopologySpec(topics, FormatDetector.standard(c.getInt(WiretagConfig.MAX_INPUT_BYTES)), taxonomy, null,
                LifecycleSettings.from(c), WatchSettings.from(c), c.getInt(WiretagConfig.PARTITIONS),
                c.getInt(WiretagConfig.DUPLICATE_SHARDS), Duration.ofSeconds(1));
    }

    /** Defaults for everything but the topics and the taxonomy. */
    public static TopologySpec defaults(Topics topics, LiveTaxonomy taxonomy) {
        return from(WiretagConfig.defaultsOnly(), topics, taxonomy);
    }

    public TopologySpec withTagger(Function<Story, Tags> t) {
        return new TopologySpec(topics, detector, taxonomy, t, lifecycle, watch, partitions, duplicateShards, trendEmitInterval);
    }

    public TopologySpec withLifecycle(LifecycleSettings l) {
        return new TopologySpec(topics, detector, taxonomy, tagger, l, watch, partitions, duplicateShards, trendEmitInterval);
    }

    public TopologySpec withWatch(WatchSettings w) {
        return new TopologySpec(topics, detector, taxonomy, tagger, lifecycle, w, partitions, duplicateShards, trendEmitInterval);
    }

    public TopologySpec withPartitions(int n) {
        return new TopologySpec(topics, detector, taxonomy, tagger, lifecycle, watch, n, duplicateShards, trendEmitInterval);
    }
}
