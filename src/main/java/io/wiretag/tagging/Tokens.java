package io.wiretag.tagging;

import java.text.Normalizer;
import java.util.Arrays;

/**
 * Splits a field's text into word tokens without making a String per token: each token keeps its UTF-16
 * span in the original text, a 64-bit hash of its folded form (NFKC, diacritics removed, lower case), a
 * hash that keeps case (for acronyms such as "US"), case flags, and its sentence and paragraph number.
 * One instance is reused per thread.
 */
final class Tokens {
    static final long FNV_OFFSET = 0xcbf29ce484222325L;
    static final long FNV_PRIME = 0x100000001b3L;

    // Classes are bits, so "is a word char" is one AND and a token's case is the OR of its chars' classes.
    static final byte SEP = 0;
    static final byte LOWER = 1;
    static final byte UPPER = 2;
    static final byte OTHER = 4; // digits and caseless letters
    static final byte WORD = LOWER | UPPER | OTHER;
    static final byte MARK = 8; // combining marks: part of the token, ignored in its hash
    static final byte APOS = 16; // apostrophes of every kind
    static final byte STOP = 32; // . ! ? : may end a sentence
    static final byte NEWLINE = 64;

    static final int FIRST_LOWER = 1;
    static final int FIRST_UPPER = 2;
    static final int ALL_UPPER = 4;

    /** Per char: its class; its folded lower-case form; its folded form keeping case. */
    static final byte[] CLASS = new byte[65536];
    static final char[] FOLD_LOWER = new char[65536];
    static final char[] FOLD_EXACT = new char[65536];

    static {
        for (int c = 0; c < 65536; c++) {
            char ch = (char) c;
            FOLD_LOWER[c] = Character.toLowerCase(ch);
            FOLD_EXACT[c] = ch;
            if (Character.isSurrogate(ch)) {
                CLASS[c] = SEP;
            } else if (Character.getType(ch) == Character.NON_SPACING_MARK
                    || Character.getType(ch) == Character.COMBINING_SPACING_MARK) {
                CLASS[c] = MARK;
            } else if (Character.isLetterOrDigit(ch)) {
                char folded = ch;
                if (c >= 0x80) {
                    // NFKC for compatibility forms (full-width letters), then drop accents: é -> e, ü -> u.
                    String n = Normalizer.normalize(Normalizer.normalize(String.valueOf(ch), Normalizer.Form.NFKC),
                            Normalizer.Form.NFD);
                    StringBuilder base = new StringBuilder(2);
                    for (int k = 0; k < n.length(); k++) {
                        if (Character.getType(n.charAt(k)) != Character.NON_SPACING_MARK) {
                            base.append(n.charAt(k));
                        }
                    }
                    if (base.length() == 1) {
                        folded = base.charAt(0);
                    }
                }
                FOLD_EXACT[c] = folded;
                FOLD_LOWER[c] = Character.toLowerCase(folded);
                CLASS[c] = Character.isUpperCase(folded) || Character.isTitleCase(folded) ? UPPER
                        : Character.isLowerCase(folded) ? LOWER : OTHER;
            } else if (ch == '\'' || ch == '\u2019' || ch == '\u2018' || ch == '\u02BC' || ch == '\u2032') {
                CLASS[c] = APOS;
                FOLD_LOWER[c] = '\'';
                FOLD_EXACT[c] = '\'';
            } else if (ch == '.' || ch == '!' || ch == '?') {
                CLASS[c] = STOP;
            } else if (ch == '\n') {
                CLASS[c] = NEWLINE;
            } else {
                CLASS[c] = SEP;
            }
        }
    }

    /**
     * Per char: its folded lower-case form above its class (FOLD_LOWER[c] << 8 | CLASS[c]), so the word loop
     * reads one table per char instead of two.
     */
    static final int[] FOLDED_CLASS = new int[65536];

    static {
        for (int c = 0; c < 65536; c++) {
            FOLDED_CLASS[c] = FOLD_LOWER[c] << 8 | CLASS[c];
        }
    }

    /** Lower-case hashes of words after which a full stop does not end a sentence. */
    private static final long[] ABBREVIATIONS;
    /** A bit per abbreviation hash, so most full stops are decided without the binary search. */
    private static final long[] ABBREVIATION_FILTER = new long[16];

    static {
        String[] words = {"mr", "mrs", "ms", "dr", "prof", "gen", "lt", "col", "sgt", "rep", "sen", "gov", "pres",
            "st", "jan", "feb", "mar", "apr", "jun", "jul", "aug", "sep", "sept", "oct", "nov", "dec", "no", "vs",
            "inc", "corp", "co", "ltd", "jr", "sr", "adm", "maj", "capt", "cmdr", "rev", "ft", "mt"};
        ABBREVIATIONS = new long[words.length];
        for (int i = 0; i < words.length; i++) {
            ABBREVIATIONS[i] = hashLower(words[i]);
            int bit = filterBit(ABBREVIATIONS[i], 10);
            ABBREVIATION_FILTER[bit >>> 6] |= 1L << bit;
        }
        Arrays.sort(ABBREVIATIONS);
    }

    int count;
    int[] start;
    int[] end;
    long[] lower;
    int[] flags;
    int[] sentence;
    int[] paragraph;
    /** The capitalised tokens (FIRST_UPPER) in order, for the name finder, which reads only those. */
    int[] caps;
    int capCount;

    Tokens() {
        this(1024);
    }

    Tokens(int capacity) {
        start = new int[capacity];
        end = new int[capacity];
        lower = new long[capacity];
        flags = new int[capacity];
        sentence = new int[capacity];
        paragraph = new int[capacity];
        caps = new int[capacity];
    }
    /** Index of the first token of each field: tokens [fieldStart[f], fieldStart[f + 1]) are field f. */
    final int[] fieldStart = new int[4];
    /** Index into {@link #caps} of each field's first capitalised token, as {@link #fieldStart} is of tokens. */
    final int[] fieldCaps = new int[4];
    int sentences;
    int paragraphs;
    /** Each field's text, for the case-keeping hash, which only all-capital names need (computed on demand). */
    private final String[] texts = new String[3];
    /** A token's folded chars, for {@link #hashUnits} where the word loop does not hash inline. */
    private int[] units = new int[64];
    /** The field's text, copied once: indexing a char[] is much cheaper than String.charAt in the hot loop. */
    private char[] buf = new char[64];

    void reset() {
        count = 0;
        capCount = 0;
        Arrays.fill(texts, null);
        sentences = 0;
        paragraphs = 0;
    }

    /**
     * Appends the tokens of one field. Sentence and paragraph numbers continue from the previous field, so
     * a headline is never the same sentence as the body's first.
     */
    void addField(int field, String text) {
        String s = text;
        texts[field] = text;
        fieldStart[field] = count;
        fieldCaps[field] = capCount;
        int sent = sentences;
        int para = paragraphs;
        int len = s == null ? 0 : s.length();
        if (buf.length < len + 1) {
            buf = new char[Math.max(len + 1, buf.length * 2)];
        }
        if (len > 0) {
            s.getChars(0, len, buf, 0);
        }
        // A separator after the text ends the last word as the end of the text does, so the word loop needs
        // no check of the length per char.
        buf[len] = 0;
        char[] c0 = buf;
        int i = 0;
        boolean breakPending = false;
        reserve(count + len + 1); // a token takes at least one char: no growth check per token
        int[] starts = start;
        int[] ends = end;
        long[] hashes = lower;
        int[] flag = flags;
        int[] sents = sentence;
        int[] paras = paragraph;
        int[] capital = caps;
        while (i < len) {
            char c = c0[i];
            byte cls = CLASS[c];
            if (cls == SEP) {
                i++;
                continue;
            }
            if ((cls & WORD) != 0) {
                if (breakPending) {
                    sent++;
                    breakPending = false;
                }
                // The common case inline: a run of word chars ended by a char that is neither a mark nor an
                // apostrophe, and not a dotted acronym. Anything else is read again by token().
                if (i + 1 >= len || c0[i + 1] != '.') {
                    int from = i;
                    long h = FNV_OFFSET;
                    int seen = 0;
                    int next = FOLDED_CLASS[c];
                    // Two chars per multiply (see hashUnits): half the dependent multiplies of one per char.
                    while (true) {
                        int a = next;
                        seen |= a;
                        next = FOLDED_CLASS[c0[++i]];
                        if ((next & WORD) == 0) {
                            h = (h ^ (a >>> 8)) * FNV_PRIME;
                            break;
                        }
                        seen |= next;
                        h = (h ^ ((a >>> 8) | (next >>> 8) << 16)) * FNV_PRIME;
                        next = FOLDED_CLASS[c0[++i]];
                        if ((next & WORD) == 0) {
                            break;
                        }
                    }
                    if ((next & (MARK | APOS)) == 0) {
                        int n = count;
                        starts[n] = from;
                        ends[n] = i;
                        hashes[n] = h;
                        int first = FIRST_FLAGS[cls];
                        flag[n] = first | ALL_UPPER_IF[seen & (UPPER | LOWER)];
                        sents[n] = sent;
                        paras[n] = para;
                        count = n + 1;
                        // Listed without a branch: the slot is overwritten unless the token starts upper case.
                        int nc = capCount;
                        capital[nc] = n;
                        capCount = nc + (first >>> 1);
                        continue;
                    }
                    i = from;
                }
                i = token(c0, i, len, sent, para);
                continue;
            }
            if (cls == STOP) {
                // A stop ends a sentence when followed by white space or a closing quote, unless it closes an
                // abbreviation or an initial.
                int next = i + 1 < len ? c0[i + 1] : ' ';
                if ((Character.isWhitespace(next) || next == '"' || next == '\u201D' || next == '\u2019' || next == ')')
                        && (c != '.' || !afterAbbreviation(i))) {
                    breakPending = true;
                }
            } else if (cls == NEWLINE) {
                breakPending = true;
                int j = i + 1;
                while (j < len && (c0[j] == ' ' || c0[j] == '\t' || c0[j] == '\r')) {
                    j++;
                }
                if (j < len && c0[j] == '\n') {
                    para++;
                    i = j;
                }
            }
            i++;
        }
        sentences = sent + 1;
        paragraphs = para + 1;
        fieldStart[field + 1] = count;
        fieldCaps[field + 1] = capCount;
    }

    private static final long CORP = hashLower("corp");
    private static final long INC = hashLower("inc");
    private static final long LTD = hashLower("ltd");
    private static final long CO = hashLower("co");

    /**
     * Where a name ending at token {@code t} of {@code text} ends: after the token, or after the full stop of an
     * abbreviated legal form where the sentence goes on after it ("AMR Corp., the parent", "Elbrewery Company
     * Ltd. (EB)"); a stop that also ends the sentence is the sentence's ("... than Newmont Mining Corp. Santa Fe").
     */
    int nameEnd(int t, String text) {
        int e = end[t];
        long h = lower[t];
        if (!(h == CORP || h == INC || h == LTD || h == CO) || e + 1 >= text.length() || text.charAt(e) != '.') {
            return e;
        }
        int k = e + 1;
        while (k < text.length() && text.charAt(k) == ' ') {
            k++;
        }
        if (k >= text.length()) {
            return e;
        }
        char c = text.charAt(k);
        return k == e + 1 ? (c == ',' || c == ';' || c == ')' ? e + 1 : e) : Character.isLowerCase(c) || c == '(' ? e + 1 : e;
    }

    private boolean afterAbbreviation(int dot) {
        if (count == 0 || end[count - 1] != dot) {
            return false;
        }
        int k = count - 1;
        if (end[k] - start[k] == 1 && (flags[k] & FIRST_UPPER) != 0) {
            return true; // an initial: "Donald J. Trump"
        }
        long h = lower[k];
        int bit = filterBit(h, 10);
        return (ABBREVIATION_FILTER[bit >>> 6] & (1L << bit)) != 0 && Arrays.binarySearch(ABBREVIATIONS, h) >= 0;
    }

    /**
     * Reads one token from {@code from}; returns the index after it (after a possessive 's when there is one).
     * Only the lower-case hash is computed here; the case-keeping one is {@link #exact(int)}, on demand.
     */
    private int token(char[] s, int from, int len, int sent, int para) {
        int i = from;
        int[] u = units(len - from);
        int n = 0;
        // Dotted acronyms: "U.S." and "U.N." are the tokens US and UN; the span keeps the dots.
        if (from + 3 < len && s[from + 1] == '.' && CLASS[s[from]] == UPPER
                && CLASS[s[from + 2]] == UPPER && s[from + 3] == '.') {
            while (i + 1 < len && CLASS[s[i]] == UPPER && s[i + 1] == '.') {
                u[n++] = FOLD_LOWER[s[i]];
                i += 2;
            }
            add(from, i, hashUnits(u, n), FIRST_UPPER | ALL_UPPER, sent, para);
            return i;
        }
        int seen = 0; // the OR of the classes of the token's chars
        int end = -1;
        int resume;
        while (true) {
            // The common case first, without a branch on the case of each char.
            char c;
            int cls;
            while (i < len && ((cls = CLASS[c = s[i]]) & WORD) != 0) {
                u[n++] = FOLD_LOWER[c];
                seen |= cls;
                i++;
            }
            if (i >= len) {
                break;
            }
            byte cls2 = CLASS[s[i]];
            if (cls2 == MARK) {
                i++;
            } else if (cls2 == APOS && i + 1 < len && isWordChar(s[i + 1])) {
                char after = s[i + 1];
                if ((after == 's' || after == 'S') && (i + 2 >= len || !isWordChar(s[i + 2]))) {
                    end = i; // possessive: Putin's, Putin’s
                    break;
                }
                u[n++] = '\''; // O'Brien, d'Ivoire
                i++;
            } else {
                break;
            }
        }
        if (end < 0) {
            end = i;
            resume = i;
        } else {
            resume = end + 2;
        }
        byte first = CLASS[s[from]];
        int f = (first == LOWER ? FIRST_LOWER : first == UPPER ? FIRST_UPPER : 0)
                | ((seen & (UPPER | LOWER)) == UPPER ? ALL_UPPER : 0);
        add(from, end, hashUnits(u, n), f, sent, para);
        return resume;
    }

    /**
     * The hash of token {@code k} folded (NFKC, no diacritics) but keeping its case, as all-capital names
     * ("US", not "us") are matched: the same chars the lower-case hash covers, without lowering them.
     */
    long exact(int k) {
        int field = 0;
        while (field + 1 < texts.length && texts[field + 1] != null && k >= fieldStart[field + 1]) {
            field++;
        }
        String s = texts[field];
        int from = start[k];
        int e = end[k];
        int[] u = units(e - from);
        int n = 0;
        for (int i = from; i < e; i++) {
            char c = s.charAt(i);
            byte cls = CLASS[c];
            if ((cls & WORD) != 0) {
                u[n++] = FOLD_EXACT[c];
            } else if (cls == APOS) {
                u[n++] = '\'';
            }
        }
        return hashUnits(u, n);
    }

    /** Room for {@code n} folded chars of one token. */
    private int[] units(int n) {
        if (units.length < n) {
            units = new int[Math.max(n, units.length * 2)];
        }
        return units;
    }

    /**
     * The hash of a token's folded chars: FNV-1a over pairs of chars (the first in the low 16 bits), a last odd
     * char alone. Every hash of a token is this one, computed inline by the word loop of {@link #addField}.
     */
    static long hashUnits(int[] u, int n) {
        long h = FNV_OFFSET;
        int k = 0;
        for (; k + 1 < n; k += 2) {
            h = (h ^ (u[k] | u[k + 1] << 16)) * FNV_PRIME;
        }
        if (k < n) {
            h = (h ^ u[k]) * FNV_PRIME;
        }
        return h;
    }

    /**
     * A bit of a Bloom-style filter of {@code bits} bits for a token hash. FNV's top bits barely vary
     * between short words, so the hash is mixed first.
     */
    static int filterBit(long hash, int bits) {
        return (int) ((hash * 0x9E3779B97F4A7C15L) >>> (64 - bits));
    }

    private static boolean isWordChar(char c) {
        return (CLASS[c] & WORD) != 0;
    }

    /** Token flags by the class of the first char, and ALL_UPPER by the OR of the classes (case bits only). */
    private static final int[] FIRST_FLAGS = new int[128];
    private static final int[] ALL_UPPER_IF = {0, 0, ALL_UPPER, 0};

    static {
        FIRST_FLAGS[LOWER] = FIRST_LOWER;
        FIRST_FLAGS[UPPER] = FIRST_UPPER;
    }

    private void reserve(int capacity) {
        if (capacity > start.length) {
            int n = Math.max(capacity, start.length * 2);
            start = Arrays.copyOf(start, n);
            end = Arrays.copyOf(end, n);
            lower = Arrays.copyOf(lower, n);
            flags = Arrays.copyOf(flags, n);
            sentence = Arrays.copyOf(sentence, n);
            paragraph = Arrays.copyOf(paragraph, n);
            caps = Arrays.copyOf(caps, n);
        }
    }

    private void add(int s, int e, long h, int f, int sent, int para) {
        if (count == start.length) {
            int n = count * 2;
            start = Arrays.copyOf(start, n);
            end = Arrays.copyOf(end, n);
            lower = Arrays.copyOf(lower, n);
            flags = Arrays.copyOf(flags, n);
            sentence = Arrays.copyOf(sentence, n);
            paragraph = Arrays.copyOf(paragraph, n);
            caps = Arrays.copyOf(caps, n);
        }
        caps[capCount] = count;
        capCount += (f & FIRST_UPPER) >>> 1;
        start[count] = s;
        end[count] = e;
        lower[count] = h;
        flags[count] = f;
        sentence[count] = sent;
        paragraph[count] = para;
        count++;
    }

    /** The tokens of a phrase from the taxonomy (an alias, a keyword), tokenised exactly as story text is. */
    static Tokens of(String phrase) {
        Tokens t = new Tokens(8);
        t.reset();
        t.addField(0, phrase);
        return t;
    }

    /** The lower-case hashes of a few words: a small set that {@link #among} asks. */
    static long[] hashesLower(String... words) {
        long[] h = new long[words.length];
        for (int i = 0; i < words.length; i++) {
            h[i] = hashLower(words[i]);
        }
        return h;
    }

    /** Whether {@code hash} is one of the few {@code hashes} ({@link #hashesLower}): a scan, for sets of a few words. */
    static boolean among(long[] hashes, long hash) {
        for (long h : hashes) {
            if (h == hash) {
                return true;
            }
        }
        return false;
    }

    /** The lower-case hash of a word, as {@link #hashUnits} gives it for the word's folded chars (no copy made). */
    static long hashLower(String word) {
        long h = FNV_OFFSET;
        int n = word.length();
        int k = 0;
        for (; k + 1 < n; k += 2) {
            h = (h ^ (FOLD_LOWER[word.charAt(k)] | FOLD_LOWER[word.charAt(k + 1)] << 16)) * FNV_PRIME;
        }
        if (k < n) {
            h = (h ^ FOLD_LOWER[word.charAt(k)]) * FNV_PRIME;
        }
        return h;
    }
}
