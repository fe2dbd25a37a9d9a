package io.wiretag.cli;

import io.wiretag.config.WiretagConfig;
import io.wiretag.kafka.DeadLetterReplay;
import io.wiretag.kafka.DeadLetters;
import io.wiretag.kafka.Topics;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoUnit;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.function.Predicate;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;
import org.apache.kafka.common.header.Header;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code dlq list | show ORIGIN | replay}: what was refused and why, one record in full, and sending refused bytes back after a fix. */
@Command(name = "dlq", mixinStandardHelpOptions = true,
        description = "Work off the dead-letter topic (news.dlq): list what was refused, show one record, replay after a fix.",
        subcommands = {DlqCommand.ListCommand.class, DlqCommand.ShowCommand.class, DlqCommand.ReplayCommand.class})
public final class DlqCommand implements Callable<Integer> {
    static final Duration READ_TIMEOUT = Duration.ofSeconds(60);

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() {
        spec.commandLine().usage(spec.commandLine().getErr());
        return 2;
    }

    /** {@code dlq list}: counts by stage and reason, then the records newest first. */
    @Command(name = "list", mixinStandardHelpOptions = true,
            description = {"Counts of refused records by stage and reason, then the records, newest first:",
                    "time, origin (topic/partition@offset, the name `dlq show` and `dlq replay` use), stage, source, reason."})
    static final class ListCommand implements Callable<Integer> {
        @Mixin
        ConfigOptions config;

        @Option(names = {"-n", "--max"}, paramLabel = "N", description = "Records to list after the counts (default: ${DEFAULT-VALUE}).")
        int max = 50;

        @Spec
        CommandSpec spec;

        @Override
        public Integer call() {
            PrintWriter out = spec.commandLine().getOut();
            WiretagConfig c = config.load();
            Topics topics = Topics.from(c);
            try (Cluster cluster = Cluster.connect(c, false)) {
                List<DeadLetters.Entry> entries = DeadLetters.read(cluster.clientSettings(), topics.dlq().name(), READ_TIMEOUT);
                Set<String> replayed = replayed(cluster, c, topics);
                if (entries.isEmpty()) {
                    out.println(topics.dlq().name() + ": empty, nothing was refused");
                    return 0;
                }
                out.println(topics.dlq().name() + ": " + entries.size() + " refused record" + (entries.size() == 1 ? "" : "s")
                        + ", " + entries.stream().filter(e -> replayed.contains(e.origin())).count() + " of them replayed");
                Map<String, Integer> counts = new LinkedHashMap<>();
                for (DeadLetters.Entry e : entries) {
                    counts.merge(e.stage() + "\t" + DeadLetters.reasonKind(e.reason()), 1, Integer::sum);
                }
                out.println();
                out.printf("%6s  %-10s  %s%n", "count", "stage", "reason");
                counts.entrySet().stream().sorted(Map.Entry.<String, Integer>comparingByValue().reversed()).forEach(kv -> {
                    String[] sr = kv.getKey().split("\t", 2);
                    out.printf("%6d  %-10s  %s%n", kv.getValue(), sr[0], sr[1]);
                });
                out.println();
                out.printf("%-24s  %-22s  %-10s  %-30s  %s%n", "time", "origin", "stage", "source", "reason");
                for (DeadLetters.Entry e : entries.subList(0, Math.min(max, entries.size()))) {
                    out.printf("%-24s  %-22s  %-10s  %-30s  %s%s%n", e.time().truncatedTo(ChronoUnit.SECONDS), e.origin(), e.stage(),
                            e.source() == null ? "-" : e.source(), oneLine(e.reason(), 160), replayed.contains(e.origin()) ? "  [replayed]" : "");
                }
                if (entries.size() > max) {
                    out.println("... " + (entries.size() - max) + " older not listed (--max)");
                }
            }
            return 0;
        }
    }

    /** {@code dlq show ORIGIN}: one refused record, its headers, the reason, the bytes as text and hex. */
    @Command(name = "show", mixinStandardHelpOptions = true,
            description = "One refused record: headers, reason, the bytes as text and as hex.")
    static final class ShowCommand implements Callable<Integer> {
        @Mixin
        ConfigOptions config;

        @Parameters(index = "0", paramLabel = "ORIGIN", description = "As `dlq list` prints it, e.g. news.raw/0@123 (or the record's news.dlq/p@o).")
        String origin;

        @Option(names = "--bytes", paramLabel = "N", description = "Bytes to show as text and hex (default: ${DEFAULT-VALUE}).")
        int bytes = 2048;

        @Spec
        CommandSpec spec;

        @Override
        public Integer call() {
            PrintWriter out = spec.commandLine().getOut();
            PrintWriter err = spec.commandLine().getErr();
            WiretagConfig c = config.load();
            Topics topics = Topics.from(c);
            try (Cluster cluster = Cluster.connect(c, false)) {
                List<DeadLetters.Entry> matches = DeadLetters.read(cluster.clientSettings(), topics.dlq().name(), READ_TIMEOUT).stream()
                        .filter(e -> e.origin().equals(origin) || e.dlqPosition().equals(origin)).toList();
                if (matches.isEmpty()) {
                    err.println("wiretag dlq show: no refused record from " + origin + " on " + topics.dlq().name() + " (see `wiretag dlq list`)");
                    return 1;
                }
                Set<String> replayed = replayed(cluster, c, topics);
                for (DeadLetters.Entry e : matches) {
                    show(out, e, replayed.contains(e.origin()));
                }
            }
            return 0;
        }

        private void show(PrintWriter out, DeadLetters.Entry e, boolean replayed) {
            out.println("origin     " + e.origin() + (replayed ? "  (replayed)" : ""));
            out.println("dlq        " + e.dlqPosition() + " at " + e.time());
            out.println("stage      " + e.stage());
            out.println("exception  " + (e.exception() == null ? "-" : e.exception()));
            out.println("reason     " + e.reason());
            out.println("source     " + (e.source() == null ? "-" : e.source()));
            out.println("key        " + (e.record().key() == null ? "(none)" : escaped(e.record().key(), 200)));
            out.println("headers");
            for (Header h : e.record().headers()) {
                out.println("  " + h.key() + ": " + (h.value() == null ? "(null)" : escaped(h.value(), 300)));
            }
            byte[] value = e.record().value() == null ? new byte[0] : e.record().value();
            int n = Math.min(bytes, value.length);
            out.println("bytes      " + value.length + (n < value.length ? " (first " + n + " shown, --bytes)" : ""));
            out.println("text");
            for (String line : new String(value, 0, n, StandardCharsets.UTF_8).split("\n", -1)) {
                out.println("  " + escaped(line.getBytes(StandardCharsets.UTF_8), Integer.MAX_VALUE));
            }
            out.println("hex");
            out.print(hex(value, n));
            out.println();
        }
    }

    /** {@code dlq replay}: the original bytes and headers back to news.raw, marked as replays, each origin once. */
    @Command(name = "replay", mixinStandardHelpOptions = true,
            description = {"Send refused records back to news.raw after a fix: original bytes and headers, marked",
                    "wiretag.replay-of=ORIGIN. An origin is replayed once: what was replayed is kept on a compacted topic",
                    "(news.dlq.replayed) that is read first. Prints progress and a summary."})
    static final class ReplayCommand implements Callable<Integer> {
        @Mixin
        ConfigOptions config;

        @Option(names = "--reason", paramLabel = "REGEX", description = "Only records whose reason matches (find, case-insensitive).")
        String reason;

        @Option(names = "--since", paramLabel = "TIME", description = "Only records refused since TIME: an instant (2025-02-01T10:00:00Z) or a span ago (30m, 2h, 7d).")
        String since;

        @Option(names = "--dry-run", description = "Count what would be replayed; send nothing.")
        boolean dryRun;

        @Spec
        CommandSpec spec;

        @Override
        public Integer call() {
            PrintWriter out = spec.commandLine().getOut();
            PrintWriter err = spec.commandLine().getErr();
            Predicate<DeadLetters.Entry> matches;
            try {
                matches = filter(reason, since, Instant.now());
            } catch (IllegalArgumentException e) {
                err.println("wiretag dlq replay: " + e.getMessage());
                return 2;
            }
            WiretagConfig c = config.load();
            Topics topics = Topics.from(c);
            try (Cluster cluster = Cluster.connect(c, false)) {
                cluster.ensureTopics(c, List.of(topics.dlqReplayed().name()));
                List<DeadLetters.Entry> entries = DeadLetters.read(cluster.clientSettings(), topics.dlq().name(), READ_TIMEOUT);
                Set<String> replayed = replayed(cluster, c, topics);
                DeadLetterReplay.Summary s = DeadLetterReplay.replay(cluster.clientSettings(), entries, matches, replayed,
                        topics.raw().name(), topics.dlqReplayed().name(), dryRun,
                        (done, total) -> err.println("replayed " + done + " of " + total));
                out.println((dryRun ? "dry run: would replay " : "replayed ") + s.replayed() + " to " + topics.raw().name()
                        + ", skipped " + s.alreadyReplayed() + " already replayed, " + s.notMatching() + " not matching");
            }
            return 0;
        }
    }

    /** The filter of {@code --reason} and {@code --since}; throws with a one-line reason on a bad value. */
    static Predicate<DeadLetters.Entry> filter(String reasonRegex, String since, Instant now) {
        Predicate<DeadLetters.Entry> p = e -> true;
        if (reasonRegex != null) {
            try {
                Pattern r = Pattern.compile(reasonRegex, Pattern.CASE_INSENSITIVE);
                p = p.and(e -> r.matcher(e.reason()).find());
            } catch (PatternSyntaxException ex) {
                throw new IllegalArgumentException("--reason is not a regular expression: " + ex.getDescription());
            }
        }
        if (since != null) {
            Instant from = sinceInstant(since, now);
            p = p.and(e -> !e.time().isBefore(from));
        }
        return p;
    }

    private static final Pattern SPAN = Pattern.compile("(\\d{1,9})\\s*(s|m|h|d)");

    static Instant sinceInstant(String since, Instant now) {
        Matcher m = SPAN.matcher(since.strip());
        if (m.matches()) {
            long n = Long.parseLong(m.group(1));
            Duration d = switch (m.group(2)) {
                case "s" -> Duration.ofSeconds(n);
                case "m" -> Duration.ofMinutes(n);
                case "h" -> Duration.ofHours(n);
                default -> Duration.ofDays(n);
            };
            return now.minus(d);
        }
        try {
            return Instant.parse(since.strip());
        } catch (DateTimeParseException e) {
            throw new IllegalArgumentException("--since '" + since + "' is neither an instant (2025-02-01T10:00:00Z) nor a span (30m, 2h, 7d)");
        }
    }

    private static Set<String> replayed(Cluster cluster, WiretagConfig c, Topics topics) {
        try (org.apache.kafka.clients.admin.Admin admin = org.apache.kafka.clients.admin.Admin.create(cluster.clientSettings())) {
            if (!admin.listTopics().names().get().contains(topics.dlqReplayed().name())) {
                return Set.of(); // nothing was ever replayed
            }
        } catch (java.util.concurrent.ExecutionException e) {
            throw new IllegalStateException("cannot list topics: " + e.getCause().getMessage(), e.getCause());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
        }
        return DeadLetterReplay.replayedOrigins(cluster.clientSettings(), topics.dlqReplayed().name(), READ_TIMEOUT);
    }

    /** Text with control characters and invalid UTF-8 shown as escapes, cut at {@code max} characters. */
    static String escaped(byte[] bytes, int max) {
        String s = new String(bytes, StandardCharsets.UTF_8);
        StringBuilder out = new StringBuilder();
        for (int i = 0; i < s.length() && out.length() < max; i++) {
            char c = s.charAt(i);
            if (c == '\t') {
                out.append("\\t");
            } else if (c == '\r') {
                out.append("\\r");
            } else if (c < 0x20 || c == 0x7f || c >= 0x80 && c < 0xa0) {
                out.append(String.format("\\x%02X", (int) c));
            } else {
                out.append(c);
            }
        }
        return out.length() >= max && s.length() > max ? out + "..." : out.toString();
    }

    /** A hex dump: offset, 16 bytes, the same bytes as ASCII. */
    static String hex(byte[] b, int n) {
        StringBuilder out = new StringBuilder();
        for (int off = 0; off < n; off += 16) {
            out.append(String.format("  %08x  ", off));
            StringBuilder ascii = new StringBuilder();
            for (int i = off; i < off + 16; i++) {
                if (i < n) {
                    out.append(String.format("%02x ", b[i] & 0xff));
                    ascii.append(b[i] >= 0x20 && b[i] < 0x7f ? (char) b[i] : '.');
                } else {
                    out.append("   ");
                }
            }
            out.append(' ').append(ascii).append('\n');
        }
        return out.toString();
    }

    private static String oneLine(String s, int max) {
        String t = s.replaceAll("\\s+", " ");
        return t.length() > max ? t.substring(0, max - 3) + "..." : t;
    }
}
