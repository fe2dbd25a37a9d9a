package io.wiretag.deploy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Test support: reads the provisioned Grafana dashboard and takes its PromQL apart into the metric names
 * and label names it queries, so tests can hold them against a real {@code /metrics} scrape.
 */
public final class Monitoring {
    public static final Path DASHBOARD = Path.of("config/monitoring/grafana/dashboards/wiretag.json");
    private static final Set<String> KEYWORDS = Set.of("by", "without", "on", "ignoring", "group_left", "group_right", "bool", "and",
            "or", "unless", "offset", "inf", "nan");
    private static final Pattern SELECTOR = Pattern.compile("([a-zA-Z_:][a-zA-Z0-9_:]*)\\s*\\{([^}]*)}");
    private static final Pattern MATCHER = Pattern.compile("([a-zA-Z_][a-zA-Z0-9_]*)\\s*(=~|!~|!=|=)\\s*\"((?:[^\"\\\\]|\\\\.)*)\"");

    private Monitoring() {
    }

    public static JsonNode dashboard() throws IOException {
        return new ObjectMapper().readTree(Files.readString(DASHBOARD));
    }

    /** Every PromQL expression of every panel, in order. */
    public static List<String> expressions(JsonNode dashboard) {
        List<String> out = new ArrayList<>();
        dashboard.get("panels").forEach(p -> p.path("targets").forEach(t -> out.add(t.get("expr").asText())));
        return out;
    }

    /** The metric names an expression reads, each with the label names its selectors match on. */
    public static Map<String, Set<String>> metrics(String expr) {
        Map<String, Set<String>> out = new TreeMap<>();
        Matcher s = SELECTOR.matcher(expr);
        while (s.find()) {
            Set<String> labels = out.computeIfAbsent(s.group(1), k -> new TreeSet<>());
            Matcher m = MATCHER.matcher(s.group(2));
            while (m.find()) {
                labels.add(m.group(1));
            }
        }
        String bare = expr.replaceAll("\"(?:[^\"\\\\]|\\\\.)*\"", "\"\"")
                .replaceAll("\\{[^}]*}", " ")
                .replaceAll("\\[[^]]*]", " ")
                .replaceAll("\\b(by|without|on|ignoring|group_left|group_right)\\s*\\([^)]*\\)", " ");
        Matcher t = Pattern.compile("([a-zA-Z_:][a-zA-Z0-9_:]*)(\\s*\\()?").matcher(bare);
        while (t.find()) {
            if (t.group(2) == null && !KEYWORDS.contains(t.group(1).toLowerCase(java.util.Locale.ROOT))) {
                out.computeIfAbsent(t.group(1), k -> new TreeSet<>());
            }
        }
        return out;
    }

    /** The label values an expression's selectors match exactly ({@code topic="news.dlq"}), by label name. */
    public static Map<String, Set<String>> exactLabelValues(String expr) {
        Map<String, Set<String>> out = new TreeMap<>();
        Matcher s = SELECTOR.matcher(expr);
        while (s.find()) {
            Matcher m = MATCHER.matcher(s.group(2));
            while (m.find()) {
                if (m.group(2).equals("=")) {
                    out.computeIfAbsent(m.group(1), k -> new TreeSet<>()).add(m.group(3));
                }
            }
        }
        return out;
    }

    /** Whether parentheses, braces and brackets pair up, outside strings. */
    public static boolean balanced(String expr) {
        String bare = expr.replaceAll("\"(?:[^\"\\\\]|\\\\.)*\"", "\"\"");
        java.util.ArrayDeque<Character> open = new java.util.ArrayDeque<>();
        for (char c : bare.toCharArray()) {
            switch (c) {
                case '(', '{', '[' -> open.push(c);
                case ')', '}', ']' -> {
                    char want = c == ')' ? '(' : c == '}' ? '{' : '[';
                    if (open.isEmpty() || open.pop() != want) {
                        return false;
                    }
                }
                default -> { }
            }
        }
        return open.isEmpty();
    }
}
