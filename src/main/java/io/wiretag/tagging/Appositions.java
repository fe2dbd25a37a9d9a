package io.wiretag.tagging;

import static io.wiretag.tagging.NameFinder.BY_APPOSITION;
import static io.wiretag.tagging.NameFinder.PERSON;
import static io.wiretag.tagging.NameFinder.UNKNOWN;

/**
 * A name that no cue before it typed, followed by a comma and what the person is: "said Hank Note, chief dealer
 * at Sumitomo Bank", "Eisuke Sakakibara, a high-ranking Finance Ministry official", "Don Rieck, president of
 * the National Animal Control Association", or, outside sports pages, "Umar Said, who is coordinating the
 * talks". Wire style names a person so the first time; the role words are the name finder's ({@code
 * roles.txt}), which name only people. A name of two words or more: one capitalised word before ", the
 * president of" may be a company's name with its chief's title following.
 */
final class Appositions {
    /** How many words after the comma the role word may stand ("a high-ranking Finance Ministry official"). */
    static final int REACH = 6;
    private static final long WHO = Tokens.hashLower("who");
    /**
     * Words after which the role is another's: "Credit Suisse, the bank whose chief", "Fort Worth, where the
     * mayor", "Grand Rapids, home of the governor".
     */
    private static final long[] OTHERS = Tokens.hashesLower("whose", "which", "where", "when", "that", "of", "for", "to",
            "with", "at", "in", "from", "by", "on", "near");

    private final NameCues cues;

    Appositions(NameCues cues) {
        this.cues = cues;
    }

    void people(Tokens tk, NameWork w, String headline, String body, boolean sportsStory) {
        for (int r = 0; r < w.runs; r++) {
            int l = w.rLast[r];
            if (w.rType[r] != UNKNOWN || !w.rJoinable[r] || l == w.rFirst[r] || l + 1 >= tk.count) {
                continue;
            }
            String text = Tagger.source(tk, l, headline, body);
            if (!PlaceSenses.commaBetween(tk, text, l, l + 1)) {
                continue;
            }
            if (describesAPerson(tk, text, l + 1, sportsStory)) {
                w.rType[r] = PERSON;
                w.rWhy[r] = BY_APPOSITION;
            }
        }
    }

    /**
     * Whether the words from token {@code t} on say what a person is: a role word within {@link #REACH} words,
     * lower-case, before any other punctuation than a hyphen; or "who" right after the comma (not in a sports
     * story, where a team takes "who" too: "Arsenal, who were held"). Not when the role is someone else's: after
     * a lower-case noun of an organisation ("Credit Suisse, the bank's chief", "the company whose"), "whose",
     * "which", "where", a preposition ("home of the governor"), or a possessive ("Thames Water, the utility's
     * chief executive", "the minister's office").
     */
    private boolean describesAPerson(Tokens tk, String text, int t, boolean sportsStory) {
        if (tk.lower[t] == WHO && (tk.flags[t] & Tokens.FIRST_LOWER) != 0) {
            return !sportsStory;
        }
        for (int k = t; k < t + REACH && k < tk.count && NameFinder.sameSentence(tk, t, k); k++) {
            if (k > t) {
                int gap = NameText.gap(text, tk.end[k - 1], tk.start[k]);
                if (gap != NameText.GAP_SPACE && gap != NameText.GAP_HYPHEN) {
                    return false;
                }
            }
            if ((tk.flags[k] & Tokens.FIRST_LOWER) == 0) {
                continue; // a capitalised word describes the role: "a high-ranking Finance Ministry official"
            }
            if (possessive(text, tk.end[k]) || Tokens.among(OTHERS, tk.lower[k])) {
                return false;
            }
            int bits = cues.of(tk.lower[k]);
            if ((bits & (NameCues.ORG_HEAD | NameCues.ORG_WORD | NameCues.ORG_CUE)) != 0) {
                return false;
            }
            if ((bits & NameCues.ROLE) != 0) {
                return true;
            }
        }
        return false;
    }

    /** Whether an apostrophe and an s follow at {@code at} ("utility's", "minister’s"). */
    private static boolean possessive(String text, int at) {
        if (at + 1 >= text.length()) {
            return false;
        }
        char c = text.charAt(at);
        char s = text.charAt(at + 1);
        return (c == '\'' || c == '\u2019') && (s == 's' || s == 'S');
    }
}
