package io.wiretag.bench;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.SplittableRandom;

/**
 * A deterministic stream of wire stories for the pipeline bench: ninjs JSON (it carries versions, kills and
 * providers in plain fields), about 3.3 KB each, 40 % about the war in Ukraine or US–Russia relations (names
 * and keywords of the shipped taxonomy), the rest other news; with new versions of earlier stories, kills
 * of earlier stories and redistributed copies (the same body under another provider and id). The same seed
 * gives the same bytes. Every record is built so that wiretag publishes exactly one record on
 * {@code news.tagged} for it: no stale version, no embargo.
 */
public final class StoryStream {
    /** What a record is, for the counts the report shows. */
    public enum Kind { NEW, UPDATE, KILL, COPY }

    /** One record for {@code news.raw}: the key is the story id wiretag gives it ({@code provider:uri}). */
    public record Item(Kind kind, String storyId, String provider, byte[] bytes) {
    }

    /** The mix of a stream: shares of updates, kills and copies, per distinct story. */
    public record Mix(double topical, double updates, double kills, double copies) {
        public static Mix standard() {
            return new Mix(0.40, 0.08, 0.02, 0.05);
        }
    }

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Instant EPOCH = Instant.parse("2026-03-02T00:00:00Z");
    private static final int TARGET_BYTES = 3300;

    private static final String[] PROVIDERS = {"wirea", "wireb", "wirec"};
    // From config/taxonomy (people, countries, places, organisations, and the topics' keywords).
    private static final String[] WAR_NAMES = {"Vladimir Putin", "Volodymyr Zelenskyy", "Donald Trump", "Ukraine", "Russia",
        "Kyiv", "Moscow", "the Kremlin", "Kharkiv", "Zaporizhzhia", "Odesa", "Donetsk", "NATO", "the European Union",
        "Sergei Lavrov", "Marco Rubio", "Washington", "the White House", "Crimea", "Kherson", "the United States"};
    private static final String[] WAR_WORDS = {"war", "invasion", "offensive", "front line", "shelling", "missiles", "drones",
        "air defences", "ceasefire", "troops", "talks", "negotiations", "summit", "sanctions", "envoy", "diplomats",
        "prisoner swap", "peace plan", "relations", "phone call", "agreement", "strike", "occupied territory"};
    private static final String[] OTHER_NAMES = {"Olivia Marsh", "Tokyo", "Brazil", "the central bank", "Lagos", "Chile",
        "Amazon", "the city council", "Madrid", "Canada", "the World Health Organization", "Jakarta", "Kenya",
        "Liverpool", "the Federal Reserve", "Mumbai", "Norway", "Toyota", "Buenos Aires", "the IMF", "Peru"};
    private static final String[] OTHER_WORDS = {"inflation", "interest rates", "the match", "the festival", "elections",
        "the harvest", "flooding", "a vaccine", "quarterly earnings", "the merger", "the strike by nurses", "the budget",
        "the league title", "rainfall", "exports", "the new stadium", "a heatwave", "the recall", "tourism", "housing"};
    private static final String[] VERBS = {"said", "announced", "warned", "reported", "confirmed", "denied", "expected",
        "rejected", "welcomed", "criticised", "discussed", "proposed", "agreed", "estimated", "predicted", "described"};
    private static final String[] FILLER = {"officials", "on Monday", "on Tuesday", "late on Friday", "according to",
        "analysts", "a spokesperson", "in a statement", "the ministry", "residents", "the government", "last week",
        "the region", "a report", "several", "dozens of", "more than", "at least", "the latest", "its", "their",
        "new", "further", "early", "the first", "major", "local", "national", "an adviser", "two sources",
        "in recent months", "since January", "despite", "amid", "ahead of", "following", "after", "before",
        "concerns over", "plans for", "the impact of", "the cost of", "figures showed", "it said", "he added",
        "she told reporters", "people familiar with the matter", "which", "while", "and", "but"};

    private final long seed;
    private final String namespace;
    private final Mix mix;

    /** A stream whose ids start with {@code namespace} (a second namespace gives stories unrelated to the first). */
    public StoryStream(long seed, String namespace, Mix mix) {
        this.seed = seed;
        this.namespace = namespace;
        this.mix = mix;
    }

    /** A stream of {@code distinct} stories, with updates, kills and copies interleaved after their original. */
    public List<Item> generate(int distinct) {
        SplittableRandom rnd = new SplittableRandom(seed);
        List<Item> out = new ArrayList<>();
        List<Story> live = new ArrayList<>();
        Duration step = Duration.ofMillis(Math.max(1, 86_400_000L / Math.max(1, distinct)));
        for (int i = 0; i < distinct; i++) {
            Instant at = EPOCH.plus(step.multipliedBy(i));
            Story s = newStory(rnd, i, at);
            live.add(s);
            out.add(item(Kind.NEW, s, s.json(), s.provider));
            // Follow-ups of a story seen earlier: at a rate per distinct story, against one not killed yet.
            if (i > 20) {
                followUp(rnd, live, out, at, mix.updates(), Kind.UPDATE);
                followUp(rnd, live, out, at, mix.kills(), Kind.KILL);
                followUp(rnd, live, out, at, mix.copies(), Kind.COPY);
            }
        }
        return out;
    }

    /** Distinct new stories only (each gives one output keyed by its own id): what the latency probe sends. */
    public List<Item> fresh(int count) {
        SplittableRandom rnd = new SplittableRandom(seed);
        List<Item> out = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            Story s = newStory(rnd, i, EPOCH.plus(Duration.ofDays(2)).plusMillis(i * 100L));
            out.add(item(Kind.NEW, s, s.json(), s.provider));
        }
        return out;
    }

    private void followUp(SplittableRandom rnd, List<Story> live, List<Item> out, Instant at, double rate, Kind kind) {
        if (live.isEmpty() || rnd.nextDouble() >= rate) {
            return;
        }
        // Mostly recent stories, as on a wire: an update or kill comes minutes to hours after the story.
        int window = Math.min(live.size(), 400);
        int index = live.size() - 1 - rnd.nextInt(window);
        Story s = live.get(index);
        Instant when = at.plusSeconds(30 + rnd.nextInt(600));
        switch (kind) {
            case UPDATE -> {
                s.version++;
                s.versionCreated = when.isAfter(s.versionCreated) ? when : s.versionCreated.plusSeconds(60);
                s.paragraphs.add(0, paragraph(rnd, s.topical));
                s.paragraphs.remove(s.paragraphs.size() - 1);
                s.headline = "UPDATE " + s.version + "-" + s.headline.replaceFirst("^UPDATE \\d+-", "");
                out.add(item(Kind.UPDATE, s, s.json(), s.provider));
            }
            case KILL -> {
                live.remove(index);
                ObjectNode n = JSON.createObjectNode();
                n.put("uri", s.uri);
                n.put("type", "text");
                n.put("provider", s.provider);
                n.put("language", "en");
                n.put("version", String.valueOf(s.version + 1));
                n.put("versioncreated", (when.isAfter(s.versionCreated) ? when : s.versionCreated.plusSeconds(60)).toString());
                n.put("pubstatus", "canceled");
                n.put("ednote", "Kill: the story is withdrawn. Do not use.");
                n.put("headline", "KILL");
                out.add(item(Kind.KILL, s, bytes(n), s.provider));
            }
            case COPY -> {
                String other = PROVIDERS[(indexOf(s.provider) + 1 + rnd.nextInt(PROVIDERS.length - 1)) % PROVIDERS.length];
                Story copy = s.copyAs(other, "urn:" + other + ":" + namespace + "-copy-" + out.size(), when);
                out.add(item(Kind.COPY, copy, copy.json(), other));
            }
            default -> throw new IllegalArgumentException(kind.toString());
        }
    }

    private static int indexOf(String provider) {
        for (int i = 0; i < PROVIDERS.length; i++) {
            if (PROVIDERS[i].equals(provider)) {
                return i;
            }
        }
        return 0;
    }

    private Story newStory(SplittableRandom rnd, int i, Instant at) {
        boolean topical = rnd.nextDouble() < mix.topical();
        String provider = PROVIDERS[rnd.nextInt(PROVIDERS.length)];
        Story s = new Story();
        s.provider = provider;
        s.uri = "urn:" + provider + ":" + namespace + "-" + i;
        s.topical = topical;
        s.versionCreated = at;
        s.firstCreated = at;
        s.urgency = rnd.nextInt(100) < 2 ? 2 : 3 + rnd.nextInt(4);
        String[] names = topical ? WAR_NAMES : OTHER_NAMES;
        String[] words = topical ? WAR_WORDS : OTHER_WORDS;
        s.headline = cap(pick(rnd, names)) + " " + pick(rnd, VERBS) + " " + pick(rnd, words) + " " + pick(rnd, FILLER)
                + " (" + namespace + " " + i + ")";
        int size = 0;
        while (size < TARGET_BYTES - 600) {
            String p = paragraph(rnd, topical);
            s.paragraphs.add(p);
            size += p.length() + 2;
        }
        return s;
    }

    /** A paragraph of three to five sentences: names and topic words among random filler, so no two bodies are alike. */
    private static String paragraph(SplittableRandom rnd, boolean topical) {
        String[] names = topical ? WAR_NAMES : OTHER_NAMES;
        String[] words = topical ? WAR_WORDS : OTHER_WORDS;
        StringBuilder b = new StringBuilder();
        int sentences = 3 + rnd.nextInt(3);
        for (int k = 0; k < sentences; k++) {
            if (k > 0) {
                b.append(' ');
            }
            StringBuilder sentence = new StringBuilder();
            sentence.append(pick(rnd, names)).append(' ').append(pick(rnd, VERBS));
            int len = 8 + rnd.nextInt(10);
            for (int w = 0; w < len; w++) {
                int r = rnd.nextInt(10);
                sentence.append(' ').append(r == 0 ? pick(rnd, names) : r < 3 ? pick(rnd, words) : pick(rnd, FILLER));
            }
            b.append(cap(sentence.toString())).append('.');
        }
        return b.toString();
    }

    private static String pick(SplittableRandom rnd, String[] from) {
        return from[rnd.nextInt(from.length)];
    }

    private static String cap(String s) {
        return s.isEmpty() ? s : s.substring(0, 1).toUpperCase(Locale.ROOT) + s.substring(1);
    }

    private static Item item(Kind kind, Story s, byte[] bytes, String provider) {
        return new Item(kind, s.provider + ":" + s.uri, provider, bytes);
    }

    private static byte[] bytes(ObjectNode n) {
        try {
            return JSON.writerWithDefaultPrettyPrinter().writeValueAsBytes(n);
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    /** A story while it is generated: its latest version. */
    private static final class Story {
        String provider;
        String uri;
        boolean topical;
        int version = 1;
        Instant versionCreated;
        Instant firstCreated;
        int urgency;
        String headline;
        final List<String> paragraphs = new ArrayList<>();

        Story copyAs(String otherProvider, String otherUri, Instant at) {
            Story c = new Story();
            c.provider = otherProvider;
            c.uri = otherUri;
            c.topical = topical;
            c.versionCreated = at;
            c.firstCreated = at;
            c.urgency = urgency;
            c.headline = headline;
            c.paragraphs.addAll(paragraphs);
            return c;
        }

        byte[] json() {
            ObjectNode n = JSON.createObjectNode();
            n.put("uri", uri);
            n.put("type", "text");
            n.put("provider", provider);
            // No language field, as in plain text: wiretag detects it, which is part of its work.
            n.put("version", String.valueOf(version));
            n.put("versioncreated", versionCreated.toString());
            n.put("firstcreated", firstCreated.toString());
            n.put("pubstatus", "usable");
            n.put("urgency", urgency);
            n.put("headline", headline);
            n.put("byline", "By a " + provider + " correspondent");
            n.put("body_text", String.join("\n\n", paragraphs));
            return bytes(n);
        }
    }

    static String utf8(byte[] b) {
        return new String(b, StandardCharsets.UTF_8);
    }
}
