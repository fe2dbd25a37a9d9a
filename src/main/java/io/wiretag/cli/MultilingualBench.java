package io.wiretag.cli;

import com.fasterxml.jackson.databind.JsonNode;
import io.wiretag.story.Json;
import io.wiretag.story.Languages;
import io.wiretag.story.Story;
import io.wiretag.story.StoryDraft;
import io.wiretag.story.Text;
import io.wiretag.tagging.Tagger;
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
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.SplittableRandom;
import java.util.function.ToLongFunction;

/**
 * The bench's multilingual rows: tagging speed on stories of the same shape (about {@code words} words,
 * shuffled paragraphs under the set's headlines) in each language of the labelled set, and the CPU the
 * language detection costs per story, against the function-word counter wiretag used before Lingua.
 */
final class MultilingualBench {
    private MultilingualBench() {
    }

    /** Per language of the labelled set ({@code {"lang", "headline", "body"}} per line): its paragraphs and headlines. */
    static Map<String, List<Story>> stories(List<Path> sets, int count, int words) throws IOException {
        Map<String, List<String>> paragraphs = new LinkedHashMap<>();
        Map<String, List<String>> headlines = new LinkedHashMap<>();
        StringBuilder all = new StringBuilder();
        for (Path set : sets) {
            all.append(Files.readString(set, StandardCharsets.UTF_8)).append('\n');
        }
        for (String line : all.toString().split("\n")) {
            if (line.isBlank()) {
                continue;
            }
            JsonNode n = Json.MAPPER.readTree(line);
            String lang = n.path("lang").asText("en");
            paragraphs.computeIfAbsent(lang, k -> new ArrayList<>()).addAll(Text.paragraphs(n.path("body").asText()));
            headlines.computeIfAbsent(lang, k -> new ArrayList<>()).add(n.path("headline").asText());
        }
        Map<String, List<Story>> out = new LinkedHashMap<>();
        for (Map.Entry<String, List<String>> e : paragraphs.entrySet()) {
            SplittableRandom rnd = new SplittableRandom(42);
            List<String> ps = e.getValue();
            List<String> hs = headlines.get(e.getKey());
            List<Story> stories = new ArrayList<>();
            for (int s = 0; s < count; s++) {
                List<String> body = new ArrayList<>();
                int n = 0;
                while (n < words) {
                    String p = ps.get(rnd.nextInt(ps.size()));
                    body.add(p);
                    n += p.split("\\s+").length;
                }
                stories.add(story(e.getKey() + s, hs.get(rnd.nextInt(hs.size())), body, e.getKey()));
            }
            out.put(e.getKey(), stories);
        }
        return out;
    }

    static Story story(String guid, String headline, List<String> paragraphs, String language) {
        StoryDraft d = new StoryDraft();
        d.provider = "bench";
        d.guid = guid;
        d.headline = headline;
        d.language = language;
        d.paragraphs.addAll(paragraphs);
        return d.build(new StoryDraft.Delivery(new byte[0], "bench", "bench", "bench", Instant.EPOCH, null, null));
    }

    /** Heap and time Lingua's models take when they load (once per process). */
    static String modelCost() {
        Runtime rt = Runtime.getRuntime();
        gc();
        long before = rt.totalMemory() - rt.freeMemory();
        long start = System.nanoTime();
        Languages.warmUp();
        long ms = (System.nanoTime() - start) / 1_000_000;
        gc();
        long after = rt.totalMemory() - rt.freeMemory();
        return String.format(Locale.ROOT, "language models: %.1f MB of heap, loaded in %,d ms", Math.max(0, after - before) / 1e6, ms);
    }

    private static void gc() {
        for (int i = 0; i < 3; i++) {
            System.gc();
        }
    }

    /**
     * CPU per story of a detector, median of the runs: {all threads, the calling thread} in µs. All threads,
     * because Lingua hands each text's n-gram work to {@code ForkJoinPool.commonPool()} and waits: the calling
     * thread's own CPU leaves that out. The process's CPU clock counts the other threads too; after the warm-up
     * they are idle but for the detector's. {@code detector} returns anything (kept alive).
     */
    static double[] microsPerStory(List<Story> stories, ToLongFunction<Story> detector, double warmup, double seconds,
                                   int runs, ThreadMXBean threads, boolean cpuTime) {
        java.lang.management.OperatingSystemMXBean os = ManagementFactory.getOperatingSystemMXBean();
        com.sun.management.OperatingSystemMXBean process = os instanceof com.sun.management.OperatingSystemMXBean p
                ? p : null;
        long sink = 0;
        int i = 0;
        long warmEnd = System.nanoTime() + (long) (warmup * 1e9);
        while (System.nanoTime() < warmEnd) {
            sink += detector.applyAsLong(stories.get(i));
            i = i + 1 == stories.size() ? 0 : i + 1;
        }
        double[] all = new double[runs];
        double[] own = new double[runs];
        for (int r = 0; r < runs; r++) {
            long startCpu = cpuTime ? threads.getCurrentThreadCpuTime() : 0;
            long startProcess = process != null ? process.getProcessCpuTime() : 0;
            long start = System.nanoTime();
            long end = start + (long) (seconds * 1e9);
            long n = 0;
            long now;
            do {
                for (int k = 0; k < 50; k++) {
                    sink += detector.applyAsLong(stories.get(i));
                    i = i + 1 == stories.size() ? 0 : i + 1;
                }
                n += 50;
                now = System.nanoTime();
            } while (now < end);
            long used = cpuTime ? threads.getCurrentThreadCpuTime() - startCpu : now - start;
            own[r] = used / 1e3 / n;
            all[r] = process != null ? (process.getProcessCpuTime() - startProcess) / 1e3 / n : own[r];
        }
        if (sink == 42) {
            System.out.print("");
        }
        Arrays.sort(all);
        Arrays.sort(own);
        return new double[] {all[runs / 2], own[runs / 2]};
    }

    /** The share of stories whose detected language is the one they are in. */
    static double accuracy(List<Story> stories, java.util.function.Function<Story, String> detector) {
        int right = 0;
        for (Story s : stories) {
            String l = detector.apply(s);
            String want = s.language();
            if (l != null && want != null && want.startsWith(l)) {
                right++;
            }
        }
        return stories.isEmpty() ? 0 : right / (double) stories.size();
    }

    /**
     * The detector wiretag had before Lingua, kept here only as the baseline of the detection row: the most
     * common function words of nine languages counted over headline and body.
     */
    static String functionWordCounter(String text) {
        if (text == null || text.isBlank()) {
            return null;
        }
        String[] words = text.toLowerCase(Locale.ROOT).split("[^\\p{L}]+", 2000);
        String best = null;
        int bestScore = 0;
        for (Map.Entry<String, Set<String>> e : STOPWORDS.entrySet()) {
            int score = 0;
            for (String w : words) {
                if (e.getValue().contains(w)) {
                    score++;
                }
            }
            if (score > bestScore || (score == bestScore && score > 0 && e.getKey().compareTo(best) < 0)) {
                best = e.getKey();
                bestScore = score;
            }
        }
        return bestScore >= 2 ? best : null;
    }

    private static final Map<String, Set<String>> STOPWORDS = new LinkedHashMap<>(Map.of(
            "en", Set.of("the", "and", "of", "to", "in", "is", "that", "for", "on", "with", "was", "said", "has", "by", "he", "it", "from", "at"),
            "de", Set.of("der", "die", "und", "das", "nicht", "ist", "den", "mit", "sich", "des", "auf", "ein", "eine", "dem", "im", "sagte", "wird", "auch"),
            "fr", Set.of("le", "la", "les", "et", "des", "est", "une", "pour", "dans", "qui", "du", "que", "au", "sur", "pas", "il", "a", "aux"),
            "es", Set.of("el", "los", "las", "del", "que", "y", "en", "una", "por", "con", "para", "es", "se", "su", "al", "lo", "como", "dijo"),
            "it", Set.of("il", "di", "che", "della", "per", "una", "sono", "del", "nel", "gli", "alla", "con", "non", "anche", "ha", "dei", "è", "le"),
            "nl", Set.of("de", "het", "een", "van", "en", "dat", "niet", "zijn", "met", "voor", "op", "is", "ook", "werd", "door", "naar", "bij", "aan"),
            "pt", Set.of("o", "os", "do", "da", "que", "em", "um", "uma", "para", "com", "não", "dos", "das", "se", "ao", "foi", "disse", "mais"),
            "ru", Set.of("и", "в", "не", "на", "что", "с", "по", "это", "как", "из", "за", "от", "он", "года", "к", "для", "также", "заявил"),
            "uk", Set.of("і", "в", "не", "на", "що", "з", "та", "у", "до", "як", "це", "за", "від", "року", "для", "також", "його", "заявив")));

    /** Prints the multilingual tagging rows and the detection rows. */
    static void run(PrintWriter out, Tagger tagger, Map<String, List<Story>> byLanguage, String modelCost,
                    double warmup, double seconds, int runs, ThreadMXBean threads, boolean cpuTime) {
        out.println();
        out.println("| workload | language | stories/s per core | MB/s per core | wall-clock stories/s | vs en |");
        out.println("|---|---|---|---|---|---|");
        out.flush();
        double englishRate = Double.NaN;
        for (Map.Entry<String, List<Story>> e : byLanguage.entrySet()) {
            BenchCommand.Workload w = new BenchCommand.Workload("multilingual", "", e.getValue());
            BenchCommand.Rate rate = BenchCommand.measure(tagger, e.getValue(), warmup, seconds, runs, threads, cpuTime);
            double perCore = cpuTime ? rate.perCpuSecond() : rate.perWallSecond();
            if ("en".equals(e.getKey())) {
                englishRate = perCore;
            }
            out.printf(Locale.ROOT, "| multilingual | %s | %,.0f | %.1f | %,.0f | %s |%n", e.getKey(), perCore,
                    perCore * w.bytesPerStory() / 1e6, rate.perWallSecond(),
                    Double.isNaN(englishRate) ? "-" : String.format(Locale.ROOT, "%.2f", perCore / englishRate));
            out.flush();
        }
        List<Story> all = new ArrayList<>();
        byLanguage.values().forEach(all::addAll);
        out.println();
        out.println(modelCost);
        out.println("| detection | text looked at | CPU µs per story (all threads) | of it the calling thread's "
                + "| stories/s per core | right on these stories |");
        out.println("|---|---|---|---|---|---|");
        double[] words = microsPerStory(all, s -> {
            String l = functionWordCounter(s.headline() + "\n" + s.body());
            return l == null ? 0 : l.length();
        }, warmup, seconds, runs, threads, cpuTime);
        out.printf(Locale.ROOT, "| function-word counter (before; baseline) | headline + body | %.1f | %.1f | %,.0f | %.3f |%n",
                words[0], words[1], 1e6 / words[0],
                accuracy(all, s -> functionWordCounter(s.headline() + "\n" + s.body())));
        out.flush();
        detectionRow(out, all, "Lingua, low accuracy, 11 languages (shipped)", "lower-case words of headline + lead",
                Languages.MAX_CHARS, s -> Languages.detect(s.headline(), s.body()), words[0], warmup, seconds, runs, threads, cpuTime);
        detectionRow(out, all, "Lingua, low accuracy, 11 languages (before)", "headline + lead as written",
                120, s -> Languages.detectPlain(s.headline(), s.body(), 120), words[0], warmup, seconds, runs, threads, cpuTime);
        out.flush();
    }

    private static void detectionRow(PrintWriter out, List<Story> all, String name, String text, int chars,
                                     java.util.function.Function<Story, String> detector, double baseline,
                                     double warmup, double seconds, int runs, ThreadMXBean threads, boolean cpuTime) {
        double[] lingua = microsPerStory(all, s -> {
            String l = detector.apply(s);
            return l == null ? 0 : l.length();
        }, warmup, seconds, runs, threads, cpuTime);
        out.printf(Locale.ROOT, "| %s | %s (%d chars) | %.1f | %.1f | %,.0f | %.3f |%n",
                name, text, chars, lingua[0], lingua[1], 1e6 / lingua[0], accuracy(all, detector));
        out.printf(Locale.ROOT, "detection, %s: Lingua costs %.2fx the CPU of the function-word counter per story "
                + "(all threads)%n", text, lingua[0] / baseline);
        out.flush();
    }
}
