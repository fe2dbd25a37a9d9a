package io.wiretag.config;

import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Properties;
import java.util.TreeMap;

/**
 * wiretag's settings, layered: defaults in code, then a properties file ({@code config/wiretag.properties}
 * or the one given with {@code --config}), then environment variables ({@code WIRETAG_DATA_DIR} for
 * {@code wiretag.data.dir}, {@code WIRETAG_BOOTSTRAP_SERVERS} for {@code bootstrap.servers}), then flags.
 * Keys starting with {@code kafka.} are passed, without the prefix, to every Kafka client (SASL, TLS, ...).
 */
public final class WiretagConfig {
    public static final String BOOTSTRAP_SERVERS = "bootstrap.servers";
    public static final String APPLICATION_ID = "application.id";
    public static final String PROCESSING_GUARANTEE = "processing.guarantee";
    public static final String DATA_DIR = "wiretag.data.dir";
    public static final String EMBEDDED_PORT = "wiretag.embedded.port";
    public static final String PARTITIONS = "wiretag.topic.partitions";
    public static final String REPLICATION = "wiretag.topic.replication";
    public static final String TAXONOMY_DIR = "wiretag.taxonomy.dir";
    public static final String MAX_INPUT_BYTES = "wiretag.max.input.bytes";
    public static final String TOPIC_RAW = "wiretag.topic.raw";
    public static final String TOPIC_STORIES = "wiretag.topic.stories";
    public static final String TOPIC_TAGGED = "wiretag.topic.tagged";
    public static final String TOPIC_PREFIX = "wiretag.topic.topic-prefix";
    public static final String TOPIC_ALERTS = "wiretag.topic.alerts";
    public static final String TOPIC_TRENDS = "wiretag.topic.trends";
    public static final String TOPIC_DLQ = "wiretag.topic.dlq";
    public static final String TOPIC_TAXONOMY = "wiretag.topic.taxonomy";
    /** Compacted, keyed by DLQ origin: what {@code dlq replay} has sent back to news.raw, so nothing is replayed twice. */
    public static final String TOPIC_DLQ_REPLAYED = "wiretag.topic.dlq-replayed";
    public static final String COMMIT_INTERVAL_MS = "commit.interval.ms";
    public static final String STANDBY_REPLICAS = "num.standby.replicas";
    public static final String HTTP_PORT = "wiretag.http.port";
    public static final String HTTP_BIND = "wiretag.http.bind";
    /** How long the newest accepted version of a story is remembered after it last changed. */
    public static final String VERSION_RETENTION = "wiretag.lifecycle.version-retention";
    /** How far apart in time two copies of a story may be and still count as duplicates. */
    public static final String DUPLICATE_WINDOW = "wiretag.lifecycle.duplicate-window";
    /** How many partitions of the duplicate-claims topic hold a shard of the duplicate window (0: all of them). */
    public static final String DUPLICATE_SHARDS = "wiretag.lifecycle.duplicate-shards";
    /** Estimated Jaccard similarity of word 3-shingles at or above which two bodies are near duplicates. */
    public static final String NEAR_DUPLICATE_THRESHOLD = "wiretag.lifecycle.near-duplicate-threshold";
    /** How often held embargoed stories are checked for release (wall-clock). */
    public static final String EMBARGO_INTERVAL = "wiretag.lifecycle.embargo-interval";
    /** How long an AP Media item and its NITF rendition wait for each other before each goes on alone. */
    public static final String RENDITION_WAIT = "wiretag.lifecycle.rendition-wait";

    /** Where other instances reach this one's HTTP API (host:port); empty: wiretag.http.bind:wiretag.http.port. */
    public static final String HTTP_ADVERTISED = "wiretag.http.advertised";
    /** How long per-minute trend counts are kept in the window store (and answered over HTTP). */
    public static final String TREND_RETENTION = "wiretag.trends.retention";
    /** How late, in stream time, a story may arrive and still count in its minute. */
    public static final String TREND_GRACE = "wiretag.trends.grace";
    /** Which minute a story counts in: live (the default) or filed (a replay; {@code demo --once} uses it). */
    public static final String TREND_TIME = "wiretag.trends.time";
    /** Topic ids whose urgent stories raise a breaking alert, comma-separated. */
    public static final String BREAKING_TOPICS = "wiretag.alerts.breaking.topics";
    /** The least urgent level (1 flash .. 9) that still raises a breaking alert. */
    public static final String BREAKING_URGENCY = "wiretag.alerts.breaking.urgency";
    /** A surge needs at least this many stories in its window. */
    public static final String SURGE_MIN_COUNT = "wiretag.alerts.surge.min-count";
    /** After a surge alert for an entity or topic, no other for it until this has passed. */
    public static final String SURGE_COOLDOWN = "wiretag.alerts.surge.cooldown";
    /** How many of the newest stories the dashboard keeps per topic. */
    public static final String DASHBOARD_STORIES = "wiretag.dashboard.stories-per-topic";
    /** How many of the newest alerts the dashboard keeps (per partition of news.alerts). */
    public static final String DASHBOARD_ALERTS = "wiretag.dashboard.alerts";
    /** The story view reads at most this many of the newest records of the story's partition of news.tagged. */
    public static final String DASHBOARD_STORY_SCAN = "wiretag.dashboard.story-scan";
    /** The DLQ panel reads at most this many of the newest records of each partition of news.dlq. */
    public static final String DASHBOARD_DLQ_SCAN = "wiretag.dashboard.dlq-scan";

    /** Surge (SurgeRule): the sliding windows, comma-separated durations of whole minutes. */
    public static final String SURGE_WINDOWS = "wiretag.alerts.surge.windows";
    /** Surge: -log10 of the Poisson tail probability a window's count must reach. */
    public static final String SURGE_MIN_SCORE = "wiretag.alerts.surge.min-score";
    /** Surge: how much of a key's history the baseline must hold before the key may alert. */
    public static final String SURGE_WARMUP = "wiretag.alerts.surge.warmup";
    /** Surge: the baseline's half-life. */
    public static final String SURGE_HALF_LIFE = "wiretag.alerts.surge.half-life";
    /** Surge: the least baseline rate, stories per day. */
    public static final String SURGE_FLOOR_PER_DAY = "wiretag.alerts.surge.floor-per-day";
    /** Gone quiet: silence longer than this multiple of a feed's usual gap ... */
    public static final String QUIET_MULTIPLE = "wiretag.alerts.quiet.multiple";
    /** ... and longer than this ... */
    public static final String QUIET_MIN_SILENCE = "wiretag.alerts.quiet.min-silence";
    /** ... of a feed that delivered at least this many times. */
    public static final String QUIET_MIN_ARRIVALS = "wiretag.alerts.quiet.min-arrivals";
    /** Saved watches: the file. */
    public static final String WATCHES_FILE = "wiretag.alerts.watches.file";
    /** tail --webhook: the consumer group whose committed offsets say what was delivered. */
    public static final String WEBHOOK_GROUP = "wiretag.webhook.group";
    /** tail --webhook: how long one POST may take before it counts as failed and is tried again. */
    public static final String WEBHOOK_TIMEOUT = "wiretag.webhook.timeout";
    /** tail --webhook: the wait after the first failed POST, doubled after each further failure ... */
    public static final String WEBHOOK_RETRY_INITIAL = "wiretag.webhook.retry-initial";
    /** ... up to this. */
    public static final String WEBHOOK_RETRY_MAX = "wiretag.webhook.retry-max";
    /** /health/ready: how long a rebalance of an instance that was running may last before it is not ready. */
    public static final String HEALTH_REBALANCE_GRACE = "wiretag.health.rebalance-grace";
    public static final String DEFAULT_FILE = "config/wiretag.properties";

    private static final Map<String, String> DEFAULTS = defaults();

    private final Map<String, String> values;

    private WiretagConfig(Map<String, String> values) {
        this.values = Collections.unmodifiableMap(new TreeMap<>(values));
    }

    private static Map<String, String> defaults() {
        Map<String, String> d = new LinkedHashMap<>();
        d.put(BOOTSTRAP_SERVERS, "");
        d.put(APPLICATION_ID, "wiretag");
        d.put(PROCESSING_GUARANTEE, "exactly_once_v2");
        d.put(COMMIT_INTERVAL_MS, "25");
        d.put(STANDBY_REPLICAS, "0");
        d.put(DATA_DIR, "data");
        d.put(EMBEDDED_PORT, "9092");
        d.put(PARTITIONS, "4");
        d.put(REPLICATION, "1");
        d.put(TAXONOMY_DIR, "config/taxonomy");
        d.put(MAX_INPUT_BYTES, String.valueOf(16 * 1024 * 1024));
        d.put(TOPIC_RAW, "news.raw");
        d.put(TOPIC_STORIES, "news.stories");
        d.put(TOPIC_TAGGED, "news.tagged");
        d.put(TOPIC_PREFIX, "news.topic.");
        d.put(TOPIC_ALERTS, "news.alerts");
        d.put(TOPIC_TRENDS, "news.trends");
        d.put(TOPIC_DLQ, "news.dlq");
        d.put(TOPIC_TAXONOMY, "news.taxonomy");
        d.put(TOPIC_DLQ_REPLAYED, "news.dlq.replayed");
        d.put(HTTP_PORT, "8080");
        d.put(HTTP_BIND, "127.0.0.1");
        d.put(VERSION_RETENTION, "7d");
        d.put(DUPLICATE_WINDOW, "24h");
        d.put(DUPLICATE_SHARDS, "0");
        d.put(NEAR_DUPLICATE_THRESHOLD, "0.8");
        d.put(EMBARGO_INTERVAL, "1s");
        d.put(RENDITION_WAIT, "30s");
        d.put(HTTP_ADVERTISED, "");
        d.put(TREND_RETENTION, "24h");
        d.put(TREND_GRACE, "5m");
        d.put(TREND_TIME, "live");
        d.put(BREAKING_TOPICS, "ukraine-war,us-russia-relations");
        d.put(BREAKING_URGENCY, "2");
        d.put(SURGE_MIN_COUNT, "5");
        d.put(SURGE_COOLDOWN, "30m");
        d.put(DASHBOARD_STORIES, "20");
        d.put(DASHBOARD_ALERTS, "50");
        d.put(DASHBOARD_STORY_SCAN, "5000");
        d.put(DASHBOARD_DLQ_SCAN, "500");
        d.put(SURGE_WINDOWS, "5m,15m,60m");
        d.put(SURGE_MIN_SCORE, "6");
        d.put(SURGE_WARMUP, "60m");
        d.put(SURGE_HALF_LIFE, "6h");
        d.put(SURGE_FLOOR_PER_DAY, "1");
        d.put(QUIET_MULTIPLE, "6");
        d.put(QUIET_MIN_SILENCE, "10m");
        d.put(QUIET_MIN_ARRIVALS, "10");
        d.put(WATCHES_FILE, "config/watches.properties");
        d.put(HEALTH_REBALANCE_GRACE, "60s");
        d.put(WEBHOOK_GROUP, "wiretag-webhook");
        d.put(WEBHOOK_TIMEOUT, "10s");
        d.put(WEBHOOK_RETRY_INITIAL, "500ms");
        d.put(WEBHOOK_RETRY_MAX, "30s");
        return d;
    }

    /** Defaults only: what the tests start from. */
    public static WiretagConfig defaultsOnly() {
        return new WiretagConfig(DEFAULTS);
    }

    /**
     * The layered configuration: defaults, the file (the given one, which must exist, or
     * {@value #DEFAULT_FILE} when present), the environment, then the overrides (flags).
     */
    public static WiretagConfig load(Path file, Map<String, String> env, Map<String, String> overrides) {
        Map<String, String> v = new LinkedHashMap<>(DEFAULTS);
        Path f = file != null ? file : Path.of(DEFAULT_FILE);
        if (file != null || Files.isRegularFile(f)) {
            v.putAll(readProperties(f));
        }
        for (Map.Entry<String, String> e : env.entrySet()) {
            if (e.getKey().startsWith("WIRETAG_") && !e.getKey().equals("WIRETAG_CONFIG")) {
                v.put(keyForEnv(e.getKey()), e.getValue());
            }
        }
        v.putAll(overrides);
        return new WiretagConfig(v);
    }

    /** {@code WIRETAG_DATA_DIR} names {@code wiretag.data.dir}; a Kafka key, such as bootstrap.servers, keeps its name. */
    public static String keyForEnv(String envName) {
        String rest = envName.substring("WIRETAG_".length());
        for (String key : DEFAULTS.keySet()) {
            if (envName(key).equals(envName)) {
                return key;
            }
        }
        return rest.toLowerCase(Locale.ROOT).replace('_', '.');
    }

    public static String envName(String key) {
        String k = key.startsWith("wiretag.") ? key.substring("wiretag.".length()) : key;
        return "WIRETAG_" + k.toUpperCase(Locale.ROOT).replace('.', '_').replace('-', '_');
    }

    private static Map<String, String> readProperties(Path file) {
        Properties p = new Properties();
        try (Reader r = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            p.load(r);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read config file " + file + ": " + e.getMessage(), e);
        }
        Map<String, String> out = new LinkedHashMap<>();
        p.stringPropertyNames().forEach(k -> out.put(k, p.getProperty(k).strip()));
        return out;
    }

    /** Every topic name of wiretag's with {@code prefix} in front ({@code run1.news.raw}): for runs that share a broker. */
    public WiretagConfig withTopicPrefix(String prefix) {
        WiretagConfig c = this;
        for (String key : List.of(TOPIC_RAW, TOPIC_STORIES, TOPIC_TAGGED, TOPIC_PREFIX, TOPIC_ALERTS, TOPIC_TRENDS, TOPIC_DLQ,
                TOPIC_TAXONOMY, TOPIC_DLQ_REPLAYED)) {
            c = c.with(key, prefix + get(key));
        }
        return c;
    }

    public WiretagConfig with(String key, String value) {
        Map<String, String> v = new LinkedHashMap<>(values);
        v.put(key, value);
        return new WiretagConfig(v);
    }

    public String get(String key) {
        return values.getOrDefault(key, "");
    }

    public int getInt(String key) {
        String v = get(key);
        try {
            return Integer.parseInt(v);
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("config " + key + " must be a whole number, not '" + v + "'");
        }
    }

    /** A duration: {@code 500ms}, {@code 30s}, {@code 10m}, {@code 24h}, {@code 7d}, or ISO-8601 ({@code PT1H}). */
    public Duration getDuration(String key) {
        String v = get(key).strip().toLowerCase(Locale.ROOT);
        try {
            if (v.startsWith("p")) {
                return Duration.parse(v.toUpperCase(Locale.ROOT));
            }
            int split = 0;
            while (split < v.length() && Character.isDigit(v.charAt(split))) {
                split++;
            }
            long n = Long.parseLong(v.substring(0, split));
            Duration d = switch (v.substring(split).strip()) {
                case "ms" -> Duration.ofMillis(n);
                case "s", "" -> Duration.ofSeconds(n);
                case "m" -> Duration.ofMinutes(n);
                case "h" -> Duration.ofHours(n);
                case "d" -> Duration.ofDays(n);
                default -> throw new IllegalArgumentException();
            };
            if (d.isNegative() || d.isZero()) {
                throw new IllegalArgumentException();
            }
            return d;
        } catch (RuntimeException e) {
            throw new IllegalArgumentException("config " + key + " must be a positive duration such as 500ms, 30s, 10m, 24h or 7d, not '"
                    + get(key) + "'");
        }
    }

    public double getDouble(String key) {
        String v = get(key);
        try {
            return Double.parseDouble(v);
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("config " + key + " must be a number, not '" + v + "'");
        }
    }

    public Path path(String key) {
        return Path.of(get(key));
    }

    /** True when no external cluster is configured: wiretag then starts its own broker. */
    public boolean embedded() {
        return get(BOOTSTRAP_SERVERS).isBlank();
    }

    /** The {@code kafka.*} settings without their prefix, for every Kafka client. */
    public Map<String, Object> kafkaClientSettings() {
        Map<String, Object> out = new LinkedHashMap<>();
        values.forEach((k, v) -> {
            if (k.startsWith("kafka.")) {
                out.put(k.substring("kafka.".length()), v);
            }
        });
        if (!get(BOOTSTRAP_SERVERS).isBlank()) {
            out.put(BOOTSTRAP_SERVERS, get(BOOTSTRAP_SERVERS));
        }
        return out;
    }

    public Map<String, String> asMap() {
        return values;
    }
}
