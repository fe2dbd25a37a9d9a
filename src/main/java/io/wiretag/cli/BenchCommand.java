package io.wiretag.cli;

import io.wiretag.formats.FormatDetector;
import io.wiretag.formats.ParseException;
import io.wiretag.formats.RawInput;
import io.wiretag.ingest.FileIngest;
import io.wiretag.story.Story;
import io.wiretag.story.StoryDraft;
import io.wiretag.story.Tags;
import io.wiretag.story.Text;
import io.wiretag.tagging.EntityDef;
import io.wiretag.tagging.Tagger;
import io.wiretag.tagging.Taxonomy;
import io.wiretag.tagging.TaxonomyException;
import io.wiretag.tagging.TaxonomySource;
import java.io.IOException;
import java.io.PrintWriter;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
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
 * gazetteers take once compiled. Two workloads: dense synthetic stories (one word in eight a name), and
 * realistic ones made of real wire paragraphs, whose density of names is that of real text.
 */
@Command(name = "bench", mixinStandardHelpOptions = true, subcommands = BenchPipelineCommand.class,
        description = {"Measure tagging speed (stories/s per core and MB/s on one thread, normalisation and topic "
                + "rules included) with the shipped gazetteer and synthetic ones, against one regex per alias.",
                "Workloads: 'dense' (synthetic stories, one word in eight a name) and 'realistic' (real wire paragraphs "
                + "from --corpus joined into stories of --words words). Each figure is the median of --runs runs; "
                + "stories/s per core counts the benchmark thread's CPU time, wall-clock stories/s is shown beside it.",
                "`bench pipeline` measures the whole topology on an embedded broker against Kafka Streams pass-throughs."})
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

    @Option(names = "--warmup", defaultValue = "3",
            description = "Warm-up seconds before the runs of each gazetteer and workload (default: ${DEFAULT-VALUE}).")
    double warmup;

    @Option(names = "--runs", defaultValue = "3", description = "Measured runs; the median is reported (default: ${DEFAULT-VALUE}).")
    int runs;

    @Option(names = "--words", defaultValue = "600", description = "Words per story (default: ${DEFAULT-VALUE}).")
    int words;

    @Option(names = "--naive-seconds", defaultValue = "5",
            description = "Time budget of the naive regex baseline per gazetteer and workload; 0 skips it (default: ${DEFAULT-VALUE}).")
    double naiveSeconds;

    @Option(names = "--corpus", paramLabel = "PATH", split = ",",
            description = "Wire files or directories of real stories for the realistic workload (read with format "
                    + "detection); without it only the dense workload runs.")
    List<Path> corpus = new ArrayList<>();

    @Option(names = "--languages-set", paramLabel = "FILE", split = ",",
            defaultValue = "src/test/resources/tagging/labelled.jsonl,src/test/resources/tagging/labelled-multilingual.jsonl",
            description = "Labelled stories (JSON lines with lang (default en), headline, body) for the multilingual "
                    + "workload (the same shape in each language) and the detection rows; skipped when a file is "
                    + "missing (default: ${DEFAULT-VALUE}).")
    List<Path> languagesSet;

    private static final String[] FILLER = ("the a of to in and said on for that with was as by at from is it "
            + "officials government talks week year people would could after before over about minister president "
            + "country military economic new market prices state leaders meeting statement report agreement "
            + "security border forces attack city region support plan deal energy oil gas trade").split(" ");
    private static final String[] NAMES = {"Donald Trump", "Vladimir Putin", "Putin's", "Zelenskyy", "U.S.", "US",
        "Russia", "Ukraine", "Kyiv", "Moscow", "the Kremlin", "NATO", "European Union", "Washington", "Georgia",
        "Russian", "Ukrainian", "Kharkiv", "Zaporizhzhia nuclear plant", "Sergei Lavrov", "Marco Rubio", "China",
        "Monday", "Tuesday", "Reuters", "He", "The", "In", "But", "Oslo"};

    /** A named set of stories to tag. */
    record Workload(String name, String description, List<Story> stories) {
        double bytesPerStory() {
            return stories.stream().mapToLong(s -> utf8(s.headline()) + utf8(s.body())).average().orElse(0);
        }

        private static long utf8(String s) {
            return s == null ? 0 : s.getBytes(StandardCharsets.UTF_8).length;
        }
    }

    /** The median of the runs: per CPU second of the tagging thread, and per wall-clock second. */
    record Rate(double perCpuSecond, double perWallSecond) {
    }

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        taxonomyDir = TaxonomySource.resolve(taxonomyDir);
        if (!Files.isDirectory(taxonomyDir)) {
            err.println("bench: taxonomy directory " + taxonomyDir + " not found (use --taxonomy DIR)");
            return 2;
        }
        if (seconds <= 0 || warmup < 0 || runs < 1 || words < 10 || sizes.stream().anyMatch(n -> n < 0)) {
            err.println("bench: --seconds must be positive, --warmup not negative, --runs at least 1, "
                    + "--words at least 10, --aliases not negative");
            return 2;
        }
        String modelCost = MultilingualBench.modelCost(); // first: reading the corpus detects languages
        Taxonomy shipped;
        try {
            shipped = Taxonomy.load(taxonomyDir);
        } catch (TaxonomyException e) {
            err.println("bench: " + e.getMessage());
            return 1;
        }
        Tagger shippedTagger = Tagger.compile(shipped);
        List<Workload> workloads = new ArrayList<>();
        workloads.add(new Workload("dense", "synthetic stories, one word in eight a name from a fixed list (some not "
                + "in the gazetteer: Monday, He, Oslo)", stories(200, words)));
        if (!corpus.isEmpty()) {
            List<Story> real = new ArrayList<>();
            for (Path p : Inputs.existing(corpus, err)) {
                real.addAll(read(p, err));
            }
            if (real.isEmpty()) {
                err.println("bench: no story could be read from --corpus " + corpus);
                return 2;
            }
            workloads.add(realistic(real, 200, words, shippedTagger));
        }

        ThreadMXBean threads = ManagementFactory.getThreadMXBean();
        boolean cpuTime = threads.isCurrentThreadCpuTimeSupported();
        out.printf(Locale.ROOT, "bench: 1 thread, %d run(s) of %.1f s after %.1f s of warm-up per row, median shown; "
                        + "%d cores, load average %s at start%n", runs, seconds, warmup,
                Runtime.getRuntime().availableProcessors(), loadAverage());
        for (Workload w : workloads) {
            out.printf(Locale.ROOT, "workload %s: %s; %d stories of %.1f KB (UTF-8) on average, %.1f entity mentions "
                            + "per story with the shipped gazetteer%n", w.name(), w.description(), w.stories().size(),
                    w.bytesPerStory() / 1000, mentionsPerStory(shippedTagger, w.stories()));
        }
        out.println();
        out.println("| workload | gazetteer | aliases | stories/s per core | MB/s per core | wall-clock stories/s "
                + "| naive regex stories/s | speed-up | heap of compiled gazetteer |");
        out.println("|---|---|---|---|---|---|---|---|---|");
        out.flush();
        List<Taxonomy> taxonomies = new ArrayList<>();
        taxonomies.add(shipped);
        for (int n : sizes) {
            taxonomies.add(synthetic(shipped, n));
        }
        double[][] rates = new double[workloads.size()][taxonomies.size()];
        List<String> labels = new ArrayList<>();
        for (int r = 0; r < taxonomies.size(); r++) {
            Taxonomy t = taxonomies.get(r);
            long heap = heapOf(t, workloads.get(0).stories().get(0));
            Tagger tagger = r == 0 ? shippedTagger : Tagger.compile(t);
            String label = r == 0 ? "shipped" : "shipped + " + String.format(Locale.ROOT, "%,d", sizes.get(r - 1)) + " synthetic";
            labels.add(label);
            for (int k = 0; k < workloads.size(); k++) {
                Workload w = workloads.get(k);
                Rate rate = measure(tagger, w.stories(), warmup, seconds, runs, threads, cpuTime);
                double perCore = cpuTime ? rate.perCpuSecond() : rate.perWallSecond();
                rates[k][r] = perCore;
                double naive = naiveSeconds > 0 ? naive(t, w.stories(), naiveSeconds) : Double.NaN;
                out.printf(Locale.ROOT, "| %s | %s | %,d | %,.0f | %.1f | %,.0f | %s | %s | %.1f MB |%n",
                        w.name(), label, tagger.aliasCount(), perCore, perCore * w.bytesPerStory() / 1e6,
                        rate.perWallSecond(),
                        Double.isNaN(naive) ? "-" : String.format(Locale.ROOT, "%,.2f", naive),
                        Double.isNaN(naive) ? "-" : String.format(Locale.ROOT, "%,.0fx", perCore / naive), heap / 1e6);
                out.flush();
            }
        }
        out.println();
        for (int k = 0; k < workloads.size(); k++) {
            int smallest = sizes.isEmpty() ? 0 : 1;
            int largest = taxonomies.size() - 1;
            out.printf(Locale.ROOT, "%s: %s %,.0f stories/s per core, %s %,.0f (%+.0f%%)%n", workloads.get(k).name(),
                    labels.get(smallest), rates[k][smallest], labels.get(largest), rates[k][largest],
                    (rates[k][largest] / rates[k][smallest] - 1) * 100);
        }
        if (languagesSet.stream().allMatch(Files::isRegularFile)) {
            try {
                java.util.Map<String, List<Story>> byLanguage = MultilingualBench.stories(languagesSet, 200, words);
                MultilingualBench.run(out, shippedTagger, byLanguage, modelCost, warmup, seconds, runs, threads, cpuTime);
            } catch (IOException | RuntimeException e) {
                err.println("bench: cannot read --languages-set " + languagesSet + ": " + e.getMessage());
            }
        } else {
            out.println("(no multilingual rows: " + languagesSet + " not found; give --languages-set FILE)");
        }
        out.printf(Locale.ROOT, "load average %s at end%s%n", loadAverage(),
                cpuTime ? "" : " (no thread CPU time on this JVM: per-core figures are wall-clock)");
        out.flush();
        return 0;
    }

    private static String loadAverage() {
        double l = ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage();
        return l < 0 ? "unknown" : String.format(Locale.ROOT, "%.2f", l);
    }

    private static double mentionsPerStory(Tagger tagger, List<Story> stories) {
        long mentions = 0;
        for (Story s : stories) {
            Tags t = tagger.tag(s);
            mentions += t.entities().stream().mapToLong(e -> e.mentions().size() + e.demonyms().size() + e.inside().size()).sum();
        }
        return mentions / (double) stories.size();
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
            out.add(story("s" + s, "Trump and Putin discuss war in Ukraine " + s, List.of(body.toString().split("\n\n"))));
        }
        return out;
    }

    private static Story story(String guid, String headline, List<String> paragraphs) {
        StoryDraft d = new StoryDraft();
        d.provider = "bench";
        d.guid = guid;
        d.headline = headline;
        d.language = "en";
        d.paragraphs.addAll(paragraphs);
        return d.build(new StoryDraft.Delivery(new byte[0], "bench", "bench", "bench", Instant.EPOCH, null, null));
    }

    /** The stories of wire files, read as the pipeline reads them; unreadable files are skipped with a note. */
    private static List<Story> read(Path path, PrintWriter err) {
        FormatDetector detector = FormatDetector.standard();
        List<Story> out = new ArrayList<>();
        for (Path file : FileIngest.expand(List.of(path))) {
            try {
                out.addAll(detector.parse(new RawInput(Files.readAllBytes(file), null, null, file.toString(),
                        Instant.EPOCH)).stories());
            } catch (IOException | ParseException e) {
                err.println("bench: skipping " + file + ": " + e.getMessage());
            }
        }
        return out;
    }

    /**
     * Stories of real text: the real stories' paragraphs, shuffled and joined until each story has
     * {@code words} words, under the real headlines. Names, capitals, punctuation and non-ASCII text are
     * as frequent as in the corpus.
     */
    static Workload realistic(List<Story> real, int count, int words, Tagger shipped) {
        List<String> paragraphs = new ArrayList<>();
        List<String> headlines = new ArrayList<>();
        long realWords = 0;
        long realMentions = 0;
        for (Story s : real) {
            if (s.body() != null && !s.body().isBlank()) {
                paragraphs.addAll(Text.paragraphs(s.body()));
            }
            if (s.headline() != null && !s.headline().isBlank()) {
                headlines.add(s.headline());
            }
            realWords += wordCount(s.headline()) + wordCount(s.body());
            Tags t = shipped.tag(s);
            realMentions += t.entities().stream().mapToLong(e -> e.mentions().size() + e.demonyms().size() + e.inside().size()).sum();
        }
        paragraphs.removeIf(p -> wordCount(p) == 0);
        if (headlines.isEmpty()) {
            headlines.add("");
        }
        SplittableRandom rnd = new SplittableRandom(42);
        List<Story> out = new ArrayList<>();
        for (int s = 0; s < count; s++) {
            List<String> body = new ArrayList<>();
            int n = 0;
            while (n < words && !paragraphs.isEmpty()) {
                String p = paragraphs.get(rnd.nextInt(paragraphs.size()));
                body.add(p);
                n += wordCount(p);
            }
            out.add(story("r" + s, headlines.get(rnd.nextInt(headlines.size())), body));
        }
        String description = String.format(Locale.ROOT, "real paragraphs from %d stories of the corpus (%,d words, "
                + "%.1f entity mentions per %d words with the shipped gazetteer) shuffled into stories of about %d words",
                real.size(), realWords, realWords == 0 ? 0 : realMentions * (double) words / realWords, words, words);
        return new Workload("realistic", description, out);
    }

    private static int wordCount(String s) {
        if (s == null) {
            return 0;
        }
        int n = 0;
        boolean in = false;
        for (int i = 0; i < s.length(); i++) {
            boolean space = Character.isWhitespace(s.charAt(i));
            if (!space && !in) {
                n++;
            }
            in = !space;
        }
        return n;
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
                    List.of(), List.of(), List.of(), null));
        }
        return Taxonomy.of(entities, shipped.topics(), shipped.ignores());
    }

    /** Warms up, then runs {@code runs} timed runs; the median of each measure. */
    static Rate measure(Tagger tagger, List<Story> stories, double warmup, double seconds, int runs,
                                ThreadMXBean threads, boolean cpuTime) {
        long sink = 0;
        int[] next = {0};
        long warmEnd = System.nanoTime() + (long) (warmup * 1e9);
        while (System.nanoTime() < warmEnd) {
            sink += batch(tagger, stories, next);
        }
        double[] cpu = new double[runs];
        double[] wall = new double[runs];
        for (int r = 0; r < runs; r++) {
            long startCpu = cpuTime ? threads.getCurrentThreadCpuTime() : 0;
            long start = System.nanoTime();
            long end = start + (long) (seconds * 1e9);
            long n = 0;
            long now;
            do {
                sink += batch(tagger, stories, next);
                n += BATCH;
                now = System.nanoTime();
            } while (now < end);
            long usedCpu = cpuTime ? threads.getCurrentThreadCpuTime() - startCpu : 0;
            wall[r] = n / ((now - start) / 1e9);
            cpu[r] = cpuTime && usedCpu > 0 ? n / (usedCpu / 1e9) : wall[r];
        }
        if (sink == 42) {
            System.out.print(""); // keeps the JIT from dropping the work
        }
        return new Rate(median(cpu), median(wall));
    }

    private static final int BATCH = 100;

    private static long batch(Tagger tagger, List<Story> stories, int[] next) {
        long sink = 0;
        int i = next[0];
        for (int k = 0; k < BATCH; k++) {
            Tags t = tagger.tag(stories.get(i));
            sink += t.entities().size() + t.topics().size();
            i = i + 1 == stories.size() ? 0 : i + 1;
        }
        next[0] = i;
        return sink;
    }

    private static double median(double[] values) {
        double[] v = values.clone();
        Arrays.sort(v);
        return v.length % 2 == 1 ? v[v.length / 2] : (v[v.length / 2 - 1] + v[v.length / 2]) / 2;
    }

    /** One compiled regex per alias over the story text, stopped at the time budget. */
    private static double naive(Taxonomy t, List<Story> stories, double budget) {
        List<Pattern> patterns = new ArrayList<>();
        for (EntityDef e : t.entities()) {
            List<String> names = new ArrayList<>(e.aliases());
            names.addAll(e.demonyms());
            names.add(e.name());
            for (String a : names) {
                patterns.add(Pattern.compile("\\b" + Pattern.quote(a) + "\\b"));
            }
        }
        long start = System.nanoTime();
        long deadline = start + (long) (budget * 1e9);
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

    /**
     * Heap retained by a compiled tagger and the scratch space of the thread that uses it, measured around
     * its construction and first story after collections.
     */
    private static long heapOf(Taxonomy t, Story story) {
        Runtime rt = Runtime.getRuntime();
        gc();
        long before = rt.totalMemory() - rt.freeMemory();
        Tagger tagger = Tagger.compile(t);
        tagger.tag(story);
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
