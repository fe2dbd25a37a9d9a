package io.wiretag.tagging;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.wiretag.story.Json;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;

/**
 * The entities and topic rules wiretag tags with, read from {@code config/taxonomy} (JSON files under
 * {@code entities/}, {@code topics/} and {@code ignore/}) or from the records of {@code news.taxonomy}.
 * Immutable; its {@link #version()} fingerprints the content, wherever it was read from.
 */
public final class Taxonomy {
    /** Record key prefixes on {@code news.taxonomy}. */
    public static final String ENTITY = "entity:";
    public static final String TOPIC = "topic:";
    public static final String IGNORE = "ignore:";
    public static final String LANGUAGE = "language:";

    /** Taxonomy files are written by people: a misspelt field name is an error, not silently ignored. */
    static final ObjectMapper STRICT = Json.MAPPER.copy().enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);

    private final List<EntityDef> entities;
    private final List<TopicDef> topics;
    private final List<IgnoreDef> ignores;
    private final List<LanguageDef> languages;
    /** Where each definition was read from ("entities/people.json"), for messages; not part of the content. */
    private final Map<String, String> origins;
    private final String version;

    private Taxonomy(List<EntityDef> entities, List<TopicDef> topics, List<IgnoreDef> ignores,
                     List<LanguageDef> languages, Map<String, String> origins) {
        this.entities = List.copyOf(entities);
        this.topics = List.copyOf(topics);
        this.ignores = List.copyOf(ignores);
        this.languages = List.copyOf(languages);
        this.origins = Map.copyOf(origins);
        this.version = fingerprint(records(this.entities, this.topics, this.ignores, this.languages));
    }

    /** A taxonomy from definitions in memory (tests, synthetic benchmarks); checked like files are. */
    public static Taxonomy of(List<EntityDef> entities, List<TopicDef> topics, List<IgnoreDef> ignores) {
        return of(entities, topics, ignores, List.of());
    }

    /** A taxonomy from definitions in memory, with names per language; checked like files are. */
    public static Taxonomy of(List<EntityDef> entities, List<TopicDef> topics, List<IgnoreDef> ignores,
                              List<LanguageDef> languages) {
        Taxonomy t = new Taxonomy(entities, topics, ignores, languages, Map.of());
        List<String> problems = TaxonomyValidator.problems(t);
        if (!problems.isEmpty()) {
            throw new TaxonomyException(problems);
        }
        return t;
    }

    /**
     * Reads and checks the taxonomy directory.
     *
     * @throws TaxonomyException naming each file and what is wrong in it
     */
    public static Taxonomy load(Path dir) {
        List<String> problems = new ArrayList<>();
        Taxonomy t = read(dir, problems);
        if (problems.isEmpty()) {
            problems.addAll(TaxonomyValidator.problems(t));
            LanguageValidator.unknownIds(t, problems); // in files, a misspelt id; on the topic, a deleted entity
        }
        if (!problems.isEmpty()) {
            throw new TaxonomyException(problems);
        }
        return t;
    }

    /** Reads what can be read, adding a problem (file, line, what) for each file that cannot. */
    static Taxonomy read(Path dir, List<String> problems) {
        List<EntityDef> entities = new ArrayList<>();
        List<TopicDef> topics = new ArrayList<>();
        List<IgnoreDef> ignores = new ArrayList<>();
        List<LanguageDef> languages = new ArrayList<>();
        Map<String, String> origins = new LinkedHashMap<>();
        if (!Files.isDirectory(dir)) {
            problems.add(dir + ": no such taxonomy directory");
            return new Taxonomy(entities, topics, ignores, languages, origins);
        }
        readAll(dir, "entities", EntityDef.class, entities, ENTITY, EntityDef::id, origins, problems);
        readAll(dir, "topics", TopicDef.class, topics, TOPIC, TopicDef::id, origins, problems);
        readAll(dir, "ignore", IgnoreDef.class, ignores, IGNORE, IgnoreDef::id, origins, problems);
        readAll(dir, "languages", LanguageDef.class, languages, LANGUAGE, LanguageDef::id, origins, problems);
        if (entities.isEmpty() && problems.isEmpty()) {
            problems.add(dir.resolve("entities") + ": no entity files (*.json)");
        }
        return new Taxonomy(entities, topics, ignores, languages, origins);
    }

    private static <T> void readAll(Path dir, String sub, Class<T> type, List<T> into, String prefix,
                                    java.util.function.Function<T, String> id, Map<String, String> origins,
                                    List<String> problems) {
        Path folder = dir.resolve(sub);
        if (!Files.isDirectory(folder)) {
            return;
        }
        List<Path> files;
        try (Stream<Path> s = Files.list(folder)) {
            files = s.filter(p -> p.getFileName().toString().endsWith(".json")).sorted().toList();
        } catch (IOException e) {
            problems.add(folder + ": cannot list: " + e.getMessage());
            return;
        }
        for (Path file : files) {
            String name = sub + "/" + file.getFileName();
            try {
                JsonNode root = STRICT.readTree(Files.readAllBytes(file)); // not toFile(): the bundled copy lives inside the jar
                List<JsonNode> items = new ArrayList<>();
                if (root == null) {
                    problems.add(name + ": empty file");
                    continue;
                } else if (root.isArray()) {
                    root.forEach(items::add);
                } else {
                    items.add(root);
                }
                for (JsonNode item : items) {
                    try {
                        T def = STRICT.treeToValue(item, type);
                        String key = prefix + id.apply(def);
                        if (origins.containsKey(key)) {
                            problems.add(name + ": " + key + " is defined twice (also in " + origins.get(key) + ")");
                            continue;
                        }
                        origins.put(key, name);
                        into.add(def);
                    } catch (JsonProcessingException e) {
                        problems.add(name + ": " + describe(item) + ": " + e.getOriginalMessage());
                    }
                }
            } catch (JsonProcessingException e) {
                JsonLocation at = e.getLocation();
                problems.add(name + (at == null ? "" : " line " + at.getLineNr() + " column " + at.getColumnNr())
                        + ": not valid JSON: " + e.getOriginalMessage());
            } catch (IOException e) {
                problems.add(name + ": cannot read: " + e.getMessage());
            }
        }
    }

    private static String describe(JsonNode item) {
        JsonNode id = item.get("id");
        return id == null ? "an entry without id" : "entry \"" + id.asText() + "\"";
    }

    /** Builds a taxonomy from the live records of {@code news.taxonomy}: key to definition JSON. */
    public static Taxonomy fromRecords(Map<String, byte[]> records) {
        List<EntityDef> entities = new ArrayList<>();
        List<TopicDef> topics = new ArrayList<>();
        List<IgnoreDef> ignores = new ArrayList<>();
        List<LanguageDef> languages = new ArrayList<>();
        Map<String, String> origins = new LinkedHashMap<>();
        List<String> problems = new ArrayList<>();
        for (Map.Entry<String, byte[]> e : new TreeMap<>(records).entrySet()) {
            String key = e.getKey();
            try {
                if (key.startsWith(ENTITY)) {
                    entities.add(STRICT.readValue(e.getValue(), EntityDef.class));
                } else if (key.startsWith(TOPIC)) {
                    topics.add(STRICT.readValue(e.getValue(), TopicDef.class));
                } else if (key.startsWith(IGNORE)) {
                    ignores.add(STRICT.readValue(e.getValue(), IgnoreDef.class));
                } else if (key.startsWith(LANGUAGE)) {
                    languages.add(STRICT.readValue(e.getValue(), LanguageDef.class));
                } else {
                    problems.add("record " + key + ": key does not start with entity:, topic:, ignore: or language:");
                    continue;
                }
                origins.put(key, "record " + key);
            } catch (IOException ex) {
                problems.add("record " + key + ": " + ex.getMessage());
            }
        }
        Taxonomy t = new Taxonomy(entities, topics, ignores, languages, origins);
        if (problems.isEmpty()) {
            problems.addAll(TaxonomyValidator.problems(t));
        }
        if (!problems.isEmpty()) {
            throw new TaxonomyException(problems);
        }
        return t;
    }

    /** The records to publish to {@code news.taxonomy}: key ({@code entity:<id>}, {@code topic:<id>}, {@code ignore:<id>}) to definition JSON. */
    public Map<String, byte[]> toRecords() {
        return records(entities, topics, ignores, languages);
    }

    private static Map<String, byte[]> records(List<EntityDef> entities, List<TopicDef> topics, List<IgnoreDef> ignores,
                                               List<LanguageDef> languages) {
        Map<String, byte[]> out = new TreeMap<>();
        entities.forEach(e -> out.put(ENTITY + e.id(), Json.bytes(e)));
        topics.forEach(t -> out.put(TOPIC + t.id(), Json.bytes(t)));
        ignores.forEach(i -> out.put(IGNORE + i.id(), Json.bytes(i)));
        languages.forEach(l -> out.put(LANGUAGE + l.id(), Json.bytes(l)));
        return out;
    }

    /** A short stable fingerprint of the content, named in every TaggedStory. */
    public String version() {
        return version;
    }

    public List<EntityDef> entities() {
        return entities;
    }

    /** The ids of the topics this taxonomy defines, e.g. {@code ukraine-war}: one news.topic.* topic each. */
    public java.util.Set<String> topicIds() {
        java.util.Set<String> ids = new java.util.LinkedHashSet<>();
        topics().forEach(t -> ids.add(t.id()));
        return ids;
    }

    public List<TopicDef> topics() {
        return topics;
    }

    public List<IgnoreDef> ignores() {
        return ignores;
    }

    /** Names of entities per language ({@code languages/*.json}). */
    public List<LanguageDef> languages() {
        return languages;
    }

    /** Where a definition came from ("entities/people.json"), or the record key. */
    String origin(String key) {
        return origins.getOrDefault(key, key);
    }

    private static String fingerprint(Map<String, byte[]> records) {
        try {
            MessageDigest sha = MessageDigest.getInstance("SHA-256");
            for (Map.Entry<String, byte[]> e : records.entrySet()) {
                sha.update(e.getKey().getBytes(StandardCharsets.UTF_8));
                sha.update((byte) 0);
                sha.update(e.getValue());
                sha.update((byte) 0);
            }
            return HexFormat.of().formatHex(sha.digest()).substring(0, 12);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every JDK", e);
        }
    }
}
