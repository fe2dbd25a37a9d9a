package io.wiretag.eval;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * Documents in the CoNLL-2003 format (one token a line: word, part of speech, chunk, entity tag in IOB1 or
 * IOB2; a blank line between sentences; {@code -DOCSTART-} between documents) as stories with their gold
 * mentions: the first sentence is the headline, each further sentence a paragraph, the tokens joined with
 * the spaces a wire would print ("Bitar's goal", "(AN)", "\"He is resolute.\""). Offsets are those of the
 * story's fields, as the tagger reports its own.
 */
public final class ConllDocuments {
    private ConllDocuments() {
    }

    /** An entity of the gold standard: {@code type} is PER, ORG, LOC or MISC. */
    public record Gold(String field, int start, int end, String type, String text) {
    }

    public record Document(String headline, List<String> paragraphs, List<Gold> gold) {
    }

    private record Token(String word, String tag) {
    }

    /** The documents of a file's lines; a line that is not "word ... tag" is a format error, with its number. */
    public static List<Document> read(List<String> lines) {
        List<List<List<Token>>> docs = new ArrayList<>();
        List<List<Token>> doc = new ArrayList<>();
        List<Token> sentence = new ArrayList<>();
        int n = 0;
        for (String raw : lines) {
            n++;
            String line = raw.strip();
            if (line.startsWith("-DOCSTART-")) {
                endSentence(doc, sentence);
                sentence = new ArrayList<>();
                if (!doc.isEmpty()) {
                    docs.add(doc);
                }
                doc = new ArrayList<>();
            } else if (line.isEmpty()) {
                endSentence(doc, sentence);
                sentence = new ArrayList<>();
            } else {
                String[] p = line.split("\\s+");
                String tag = p[p.length - 1];
                if (p.length < 2 || !(tag.equals("O") || tag.matches("[BI]-[A-Z]+"))) {
                    throw new IllegalArgumentException("line " + n + ": not a CoNLL token line (word ... tag): " + abbreviate(line));
                }
                sentence.add(new Token(p[0], tag));
            }
        }
        endSentence(doc, sentence);
        if (!doc.isEmpty()) {
            docs.add(doc);
        }
        List<Document> out = new ArrayList<>(docs.size());
        for (List<List<Token>> d : docs) {
            List<Gold> gold = new ArrayList<>();
            String headline = render(d.get(0), "headline", 0, gold);
            List<String> paragraphs = new ArrayList<>();
            int offset = 0;
            for (int s = 1; s < d.size(); s++) {
                String p = render(d.get(s), "body", offset, gold);
                paragraphs.add(p);
                offset += p.length() + 2; // paragraphs are joined by a blank line
            }
            out.add(new Document(headline, List.copyOf(paragraphs), List.copyOf(gold)));
        }
        return out;
    }

    private static void endSentence(List<List<Token>> doc, List<Token> sentence) {
        if (!sentence.isEmpty()) {
            doc.add(sentence);
        }
    }

    private static final Set<String> NO_SPACE_BEFORE = Set.of(",", ".", ":", ";", "?", "!", ")", "]", "'s", "'", "n't", "%");

    /** One sentence as text; its entities, at {@code offset} into their field, are added to {@code gold}. */
    static String render(List<Token> tokens, String field, int offset, List<Gold> gold) {
        StringBuilder b = new StringBuilder();
        boolean quoteOpen = false;
        boolean glueNext = false;
        String type = null;
        int start = -1;
        int end = -1;
        for (Token t : tokens) {
            String w = t.word();
            boolean quote = w.equals("\"");
            boolean glue = b.length() == 0 || glueNext || NO_SPACE_BEFORE.contains(w) || (quote && quoteOpen);
            if (!glue) {
                b.append(' ');
            }
            glueNext = w.equals("(") || w.equals("[") || w.equals("$") || (quote && !quoteOpen);
            if (quote) {
                quoteOpen = !quoteOpen;
            }
            int s = b.length();
            b.append(w);
            String tag = t.tag();
            String tType = tag.equals("O") ? null : tag.substring(2);
            boolean begins = tType != null && (tag.startsWith("B-") || !tType.equals(type));
            if (type != null && (tType == null || begins)) {
                gold.add(new Gold(field, offset + start, offset + end, type, b.substring(start, end)));
                type = null;
            }
            if (tType != null) {
                if (type == null) {
                    type = tType;
                    start = s;
                }
                end = b.length();
            }
        }
        if (type != null) {
            gold.add(new Gold(field, offset + start, offset + end, type, b.substring(start, end)));
        }
        return b.toString();
    }

    private static String abbreviate(String s) {
        return s.length() > 60 ? s.substring(0, 60) + "..." : s;
    }
}
