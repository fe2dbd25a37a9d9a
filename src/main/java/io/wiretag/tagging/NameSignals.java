package io.wiretag.tagging;

/**
 * What a run's own words and its neighbours say it is, or is not, whatever else the name finder reads in it: an
 * ampersand or a foreign company word makes a company ("Ernst & Young", "Deutsche Bahn"), a noun of the press
 * after it a newspaper or an agency ("the Wen Hui Bao newspaper"); a trophy's or a plan's word last makes no
 * person ("the Davis Cup", "the Marshall Plan"), a letter no place ("in Group A"), "index" or a number no
 * organisation of an acronym ("the DAX index", "the 737 MAX"), a minister's title no body of the words before it
 * ("Telecommunications Minister"). Static tests of the English name finder ({@link NameFinder#run}).
 */
final class NameSignals {
    private NameSignals() {
    }

    /** Titles the words before which are a portfolio, not a body ("Telecommunications Minister"). */
    private static final long[] PORTFOLIO_TITLES = Tokens.hashesLower("minister", "secretary", "ministers");
    /**
     * Last words of the names of trophies, prizes, competitions, plans and doctrines, which no person's name ends
     * with ("the Davis Cup", "the Marshall Plan").
     */
    private static final long[] EVENT_HEADS = Tokens.hashesLower("cup", "shield", "trophy", "championship",
            "championships", "prize", "award", "awards", "series", "classic", "games", "marathon", "open", "bowl",
            "invitational", "grand", "plan", "doctrine", "accord", "accords", "treaty", "pact");
    /** Foreign words that open companies' names, never a person's: "Deutsche Bahn", "Banco Sabadell", "Groupe PSA". */
    private static final long[] ORG_OPENERS = Tokens.hashesLower("deutsche", "deutscher", "banco", "banca", "banque",
            "compagnie", "societe", "société", "groupe", "grupo", "gruppo");
    private static final long[] INDEX = Tokens.hashesLower("index", "indices", "indexes");
    private static final long NEWS = Tokens.hashLower("news");
    /** Lower-case nouns of the press after its name: "the Wen Hui Bao newspaper", "the TASR news agency". */
    private static final long[] PRESS = Tokens.hashesLower("newspaper", "daily", "weekly", "magazine", "tabloid",
            "agency", "broadcaster", "channel");

    /** Whether a title makes the words before it a portfolio ("Telecommunications Minister", "Energy Secretary"). */
    static boolean portfolioTitle(long lower) {
        return Tokens.among(PORTFOLIO_TITLES, lower);
    }

    /** Whether a word ends a trophy's, a prize's, a competition's, a plan's or a treaty's name, never a person's. */
    static boolean endsAnEvent(long lower) {
        return Tokens.among(EVENT_HEADS, lower);
    }

    /** Whether a word opens a company's name ("Deutsche", "Banco", "Groupe"). */
    static boolean opensACompany(long lower) {
        return Tokens.among(ORG_OPENERS, lower);
    }

    /**
     * Whether the acronym at token {@code f} names a market index ("the DAX index") or a model after its number
     * ("the Boeing 737 MAX"), not an organisation.
     */
    static boolean indexOrModel(Tokens tk, String text, int f, int fieldFrom, int fieldTo) {
        return f + 1 < fieldTo && Tokens.among(INDEX, tk.lower[f + 1]) && NameFinder.sameSentence(tk, f, f + 1)
                || f > fieldFrom && Character.isDigit(text.charAt(tk.start[f - 1])) && NameFinder.adjacent(tk, text, f - 1, f);
    }

    /**
     * Whether the run ending at token {@code l} is labelled by a letter, its last word or the word after it: a
     * competition's group or pool ("in Group A matches", "play in Pool B"), no place.
     */
    static boolean groupLabel(Tokens tk, String text, int l, int fieldTo) {
        if (letterLabel(tk, text, l)) {
            return true; // "Pool B": the run ends in its letter
        }
        int n = l + 1;
        return n < fieldTo && NameText.gap(text, tk.end[l], tk.start[n]) == NameText.GAP_SPACE && letterLabel(tk, text, n);
    }

    /** Whether token {@code t} is one capital letter without a full stop after it ("B" of "Pool B", not "J." of "Donald J."). */
    private static boolean letterLabel(Tokens tk, String text, int t) {
        return tk.end[t] - tk.start[t] == 1 && (tk.flags[t] & Tokens.FIRST_UPPER) != 0
                && (tk.end[t] >= text.length() || text.charAt(tk.end[t]) != '.');
    }

    /** Whether the run ending at token {@code l} is followed, in its sentence with one space between, by a noun of the press. */
    static boolean pressAfter(Tokens tk, String text, int l, int fieldTo) {
        int n = l + 1;
        if (n >= fieldTo || (tk.flags[n] & Tokens.FIRST_LOWER) == 0 || !NameFinder.sameSentence(tk, l, n)
                || NameText.gap(text, tk.end[l], tk.start[n]) != NameText.GAP_SPACE) {
            return false;
        }
        if (tk.lower[n] == NEWS && n + 1 < fieldTo && NameFinder.sameSentence(tk, n, n + 1)) {
            n++; // "news agency"
        }
        return Tokens.among(PRESS, tk.lower[n]);
    }

    /** Whether two of tokens [f, l] are joined by an ampersand ("Ernst & Young"). */
    static boolean ampersandInside(Tokens tk, String text, int f, int l) {
        for (int t = f; t < l; t++) {
            if (NameText.gap(text, tk.end[t], tk.start[t + 1]) == NameText.GAP_AMP) {
                return true;
            }
        }
        return false;
    }
}
