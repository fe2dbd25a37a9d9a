package io.wiretag.alerts;

import io.wiretag.story.Tags;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

/**
 * One saved watch: a name and a condition over a tagged story's entities and topics, such as
 * {@code entity:vladimir-putin AND entity:donald-trump} or {@code topic:ukraine-war AND NOT entity:nato},
 * with an optional minimum relevance (an entity's relevance, a topic's score) for a tag to count.
 */
public record Watch(String name, Condition condition, double minRelevance) {
    /** A condition over a story's tags, parsed from {@code AND}, {@code OR}, {@code NOT}, parentheses and terms. */
    public sealed interface Condition {
        boolean test(Tags tags, double minRelevance);

        /** The {@code entity:<id>} and {@code topic:<id>} terms it names, for checking them against the taxonomy. */
        void terms(List<Term> out);
    }

    /** {@code entity:<id>} or {@code topic:<id>}. */
    public record Term(String kind, String id) implements Condition {
        @Override
        public boolean test(Tags tags, double minRelevance) {
            if (kind.equals("entity")) {
                return tags.entities().stream().anyMatch(e -> e.id().equals(id) && e.relevance() >= minRelevance);
            }
            return tags.topics().stream().anyMatch(t -> t.id().equals(id) && t.score() >= minRelevance);
        }

        @Override
        public void terms(List<Term> out) {
            out.add(this);
        }

        @Override
        public String toString() {
            return kind + ":" + id;
        }
    }

    public record And(List<Condition> all) implements Condition {
        @Override
        public boolean test(Tags tags, double minRelevance) {
            return all.stream().allMatch(c -> c.test(tags, minRelevance));
        }

        @Override
        public void terms(List<Term> out) {
            all.forEach(c -> c.terms(out));
        }
    }

    public record Or(List<Condition> any) implements Condition {
        @Override
        public boolean test(Tags tags, double minRelevance) {
            return any.stream().anyMatch(c -> c.test(tags, minRelevance));
        }

        @Override
        public void terms(List<Term> out) {
            any.forEach(c -> c.terms(out));
        }
    }

    public record Not(Condition negated) implements Condition {
        @Override
        public boolean test(Tags tags, double minRelevance) {
            return !negated.test(tags, minRelevance);
        }

        @Override
        public void terms(List<Term> out) {
            negated.terms(out);
        }
    }

    /** Whether the story's tags meet the watch. */
    public boolean matches(Tags tags) {
        return tags != null && condition.test(tags, minRelevance);
    }

    /** The ids of the watch's terms the story carries (at the minimum relevance): what made it match. */
    public List<String> matched(Tags tags) {
        List<Term> terms = new ArrayList<>();
        condition.terms(terms);
        List<String> out = new ArrayList<>();
        for (Term t : terms) {
            String key = t.toString();
            if (!out.contains(key) && t.test(tags, minRelevance)) {
                out.add(key);
            }
        }
        return out;
    }

    public List<Term> terms() {
        List<Term> out = new ArrayList<>();
        condition.terms(out);
        return out;
    }

    /**
     * Parses a condition: terms {@code entity:<id>} and {@code topic:<id>}, {@code NOT}, {@code AND},
     * {@code OR} (NOT binds tightest, then AND) and parentheses; the words in any case.
     */
    public static Condition parse(String text) {
        Parser p = new Parser(text);
        Condition c = p.or();
        if (p.peek().isPresent()) {
            throw new IllegalArgumentException("unexpected '" + p.peek().get() + "' in '" + text + "'");
        }
        return c;
    }

    private static final class Parser {
        private static final Set<String> WORDS = Set.of("AND", "OR", "NOT");
        private final String text;
        private final List<String> tokens = new ArrayList<>();
        private int at;

        Parser(String text) {
            this.text = text;
            StringBuilder word = new StringBuilder();
            for (char c : text.toCharArray()) {
                if (c == '(' || c == ')' || Character.isWhitespace(c)) {
                    if (word.length() > 0) {
                        tokens.add(word.toString());
                        word.setLength(0);
                    }
                    if (c != ' ' && !Character.isWhitespace(c)) {
                        tokens.add(String.valueOf(c));
                    }
                } else {
                    word.append(c);
                }
            }
            if (word.length() > 0) {
                tokens.add(word.toString());
            }
            if (tokens.isEmpty()) {
                throw new IllegalArgumentException("an empty condition");
            }
        }

        Optional<String> peek() {
            return at < tokens.size() ? Optional.of(tokens.get(at)) : Optional.empty();
        }

        private boolean word(String w) {
            if (peek().map(t -> t.toUpperCase(Locale.ROOT).equals(w)).orElse(false)) {
                at++;
                return true;
            }
            return false;
        }

        Condition or() {
            List<Condition> any = new ArrayList<>(List.of(and()));
            while (word("OR")) {
                any.add(and());
            }
            return any.size() == 1 ? any.get(0) : new Or(List.copyOf(any));
        }

        Condition and() {
            List<Condition> all = new ArrayList<>(List.of(unary()));
            while (word("AND")) {
                all.add(unary());
            }
            return all.size() == 1 ? all.get(0) : new And(List.copyOf(all));
        }

        Condition unary() {
            if (word("NOT")) {
                return new Not(unary());
            }
            String t = peek().orElseThrow(() -> new IllegalArgumentException("'" + text + "' ends where a term was expected"));
            at++;
            if (t.equals("(")) {
                Condition inner = or();
                if (!peek().map(")"::equals).orElse(false)) {
                    throw new IllegalArgumentException("a '(' without its ')' in '" + text + "'");
                }
                at++;
                return inner;
            }
            int colon = t.indexOf(':');
            String kind = colon < 0 ? "" : t.substring(0, colon).toLowerCase(Locale.ROOT);
            String id = colon < 0 ? "" : t.substring(colon + 1);
            if (WORDS.contains(t.toUpperCase(Locale.ROOT)) || !(kind.equals("entity") || kind.equals("topic"))
                    || !id.matches("[a-z0-9][a-z0-9-]*")) {
                throw new IllegalArgumentException("expected entity:<id> or topic:<id>, not '" + t + "' in '" + text + "'");
            }
            return new Term(kind, id);
        }
    }
}
