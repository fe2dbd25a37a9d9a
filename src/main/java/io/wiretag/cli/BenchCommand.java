package io.wiretag.cli;

import io.wiretag.story.Story;
import io.wiretag.story.StoryDraft;
import io.wiretag.tagging.EntityDef;
import io.wiretag.tagging.Tagger;
import io.wiretag.tagging.Taxonomy;
import io.wiretag.tagging.TaxonomyException;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.SplittableRandom;
import java.util.concurrent.Callable;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code bench}: tagging throughput on one thread over story-sized texts, with the shipped gazetteer and
 * with synthetic ones of growing size, against a naive baseline of one regex per alias; and the heap the
 * largest gazetteer takes once compiled.
 */
@Command(name = "bench", mixinStandardHelpOptions = true,
        description = "Measure tagging speed (stories/s and MB/s on one thread, normalisation and topic rules "
                + "included) with the shipped gazetteer and synthetic ones, against one regex per alias.")
public final class BenchCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Option(names = "--taxonomy", paramLabel = "DIR", defaultValue = "config/taxonomy",
            description = "Taxonomy directory (default: ${DEFAULT-VALUE}).")
    Path taxonomyDir;

    @Option(names = "--aliases", split = ",", paramLabel = "N", defaultValue = "1000,10000,100000",
            description = "Sizes of synthetic gazetteers, added to the shipped one (default: ${DEFAULT-VALUE}).")
    List<Integer> sizes;

    @Option(names = "--seconds", defaultValue = "5", description = "Measured seconds per run (default: ${DEFAULT-VALUE}).")
    double seconds;

    @Option(names = "--words", defaultValue = "600", description = "Words per synthetic story (default: ${DEFAULT-VALUE}).")
    int words;

    @Option(names = "--naive-seconds", defaultValue = "5",
            description = "Time budget of the naive regex baseline per gazetteer (default: ${DEFAULT-VALUE}).")
    double naiveSeconds;

    private static final String[] FILLER = ("the a of to in and said on for that with was as by at from is it "
            + "officials government talks week year people would could after before over about minister president "
            + "country military economic new market prices state leaders meeting statement report agreement "
            + "security border forces attack city region support plan deal energy oil gas trade").split(" ");
    private static final String[] NAMES = {"Donald Trump", "Vladimir Putin", "Putin's", "Zelenskyy", "U.S.", "US",
        "Russia", "Ukraine", "Kyiv", "Moscow", "the Kremlin", "NATO", "European Union", "Washington", "Georgia",
        "Russian", "Ukrainian", "Kharkiv", "Zaporizhzhia nuclear plant", "Sergei Lavrov", "Marco Rubio", "China",
        "Monday", "Tuesday", "Reuters", "He", "The", "In", "But", "Oslo"};

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        if (!Files.isDirectory(taxonomyDir)) {
            err.println("bench: taxonomy directory " + taxonomyDir + " not found (use --taxonomy DIR)");
            return 2;
        }
        if (seconds <= 0 || words < 10 || sizes.stream().anyMatch(n -> n < 0)) {
            err.println("bench: --seconds must be positive, --words at least 10, --aliases not negative");
            return 2;
        }
        Taxonomy shipped;
        try {
            shipped = Taxonomy.load(taxonomyDir);
        } catch (TaxonomyException e) {
            err.println("bench: " + e.getMessage());
            return 1;
        }
        List<Story> stories = stories(200, words);
        long chars = stories.stream().mapToLong(s -> s.headline().length() + s.body().length()).sum();
        double mbPerStory = stories.stream().mapToLong(s -> (s.headline() + s.body()).getBytes(StandardCharsets.UTF_8).length)
                .average().orElse(0) / 1e6;
        out.printf(Locale.ROOT, "%d synthetic stories of %d words (%.1f KB on average), 1 thread, %.0f s per run%n",
                stories.size(), words, chars / (double) stories.size() / 1000, seconds);
        out.println("| gazetteer | aliases | stories/s | MB/s | naive regex stories/s | speed-up | heap of compiled gazetteer |");
        out.println("|---|---|---|---|---|---|---|");
        List<Taxonomy> runs = new ArrayList<>();
        runs.add(shipped);
        for (int n : sizes) {
            runs.add(synthetic(shipped, n));
        }
        for (int r = 0; r < runs.size(); r++) {
            Taxonomy t = runs.get(r);
            long heap = heapOf(t);
            Tagger tagger = Tagger.compile(t);
            double rate = measure(tagger, stories, seconds);
            double naive = naiveSeconds > 0 ? naive(tagger, t, stories, naiveSeconds) : Double.NaN;
            out.printf(Locale.ROOT, "| %s | %,d | %,.0f | %.1f | %s | %s | %.1f MB |%n",
                    r == 0 ? "shipped" : "shipped + " + String.format(Locale.ROOT, "%,d", sizes.get(r - 1)) + " synthetic",
                    tagger.aliasCount(), rate, rate * mbPerStory,
                    Double.isNaN(naive) ? "-" : String.format(Locale.ROOT, "%,.2f", naive),
                    Double.isNaN(naive) ? "-" : String.format(Locale.ROOT, "%,.0fx", rate / naive), heap / 1e6);
            out.flush();
        }
        return 0;
    }

    /** Stories of news-like text: filler words, capitalised names from the gazetteer and outside it. */
    static List<Story> stories(int count, int words) {
        SplittableRandom rnd = new SplittableRandom(42);
        List<Story> out = new ArrayList<>();
        for (int s = 0; s < count; s++) {
            StringBuilder body = new StringBuilder();
            for (int w = 0; w < words; w++) {
                if (w > 0) {
                    body.append(w % 120 == 0 ? ".\n\n" : w % 20 == 0 ? ". " : " ");
                }
                body.append(rnd.nextInt(8) == 0 ? NAMES[rnd.nextInt(NAMES.length)] : FILLER[rnd.nextInt(FILLER.length)]);
            }
            body.append('.');
            StoryDraft d = new StoryDraft();
            d.provider = "bench";
            d.guid = "s" + s;
            d.headline = "Trump and Putin discuss war in Ukraine " + s;
            d.language = "en";
            d.paragraphs.addAll(List.of(body.toString().split("\n\n")));
            out.add(d.build(new StoryDraft.Delivery(new byte[0], "bench", "bench", "bench", Instant.EPOCH, null, null)));
        }
        return out;
    }

    /** The shipped taxonomy plus {@code n} made-up two-word names of people. */
    static Taxonomy synthetic(Taxonomy shipped, int n) {
        SplittableRandom rnd = new SplittableRandom(7);
        List<EntityDef> entities = new ArrayList<>(shipped.entities());
        String consonants = "bcdfghklmnprstvz";
        String vowels = "aeiou";
        for (int i = 0; i < n; i++) {
            StringBuilder first = new StringBuilder();
            StringBuilder last = new StringBuilder();
            for (StringBuilder b : List.of(first, last)) {
                int syllables = 2 + rnd.nextInt(2);
                for (int k = 0; k < syllables; k++) {
                    b.append(consonants.charAt(rnd.nextInt(consonants.length()))).append(vowels.charAt(rnd.nextInt(5)));
                }
                b.setCharAt(0, Character.toUpperCase(b.charAt(0)));
            }
            entities.add(new EntityDef("synthetic-" + i, first + " " + last + " " + i, "person", null, List.of(),
                    List.of(), List.of(), null));
        }
        return Taxonomy.of(entities, shipped.topics(), shipped.ignores());
    }

    private static double measure(Tagger tagger, List<Story> stories, double seconds) {
        long sink = 0;
        long warmEnd = System.nanoTime() + (long) (Math.min(2, seconds) * 1e9);
        int i = 0;
        while (System.nanoTime() < warmEnd) {
            sink += tagger.tag(stories.get(i++ % stories.size())).entities().size();
        }
        long start = System.nanoTime();
        long end = start + (long) (seconds * 1e9);
        long n = 0;
        long now;
        do {
            for (int k = 0; k < 100; k++) {
                sink += tagger.tag(stories.get(i++ % stories.size())).entities().size();
            }
            n += 100;
            now = System.nanoTime();
        } while (now < end);
        if (sink == 42) {
            System.out.print(""); // keeps the JIT from dropping the work
        }
        return n / ((now - start) / 1e9);
    }

    /** One compiled regex per alias over the story text, stopped at the time budget. */
    private static double naive(Tagger tagger, Taxonomy t, List<Story> stories, double budget) {
        List<Pattern> patterns = new ArrayList<>();
        long deadline = System.nanoTime() + (long) (budget * 1e9);
        for (EntityDef e : t.entities()) {
            List<String> names = new ArrayList<>(e.aliases());
            names.add(e.name());
            for (String a : names) {
                patterns.add(Pattern.compile("\\b" + Pattern.quote(a) + "\\b"));
            }
        }
        long start = System.nanoTime();
        long patternsRun = 0; // counts partial stories too: at 100k aliases not one story ends in the budget
        long hits = 0;
        outer:
        for (int s = 0; ; s++) {
            String text = stories.get(s % stories.size()).headline() + "\n" + stories.get(s % stories.size()).body();
            for (Pattern p : patterns) {
                Matcher m = p.matcher(text);
                while (m.find()) {
                    hits++;
                }
                patternsRun++;
                if (System.nanoTime() > deadline) {
                    break outer;
                }
            }
        }
        double elapsed = (System.nanoTime() - start) / 1e9;
        return hits < 0 ? 0 : patternsRun / (double) patterns.size() / elapsed;
    }

    /** Heap retained by a compiled tagger, measured around its construction after collections. */
    private static long heapOf(Taxonomy t) {
        Runtime rt = Runtime.getRuntime();
        gc();
        long before = rt.totalMemory() - rt.freeMemory();
        Tagger tagger = Tagger.compile(t);
        gc();
        long after = rt.totalMemory() - rt.freeMemory();
        return tagger.aliasCount() > 0 ? Math.max(0, after - before) : 0;
    }

    private static void gc() {
        for (int i = 0; i < 3; i++) {
            System.gc();
        }
    }
}
