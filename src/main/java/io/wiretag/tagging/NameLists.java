package io.wiretag.tagging;

import static io.wiretag.tagging.NameFinder.PERSON;
import static io.wiretag.tagging.NameFinder.UNKNOWN;

/**
 * Names in one list are of one kind: in "Robert Keane, Quennell Ashworth, Brian Tolley and Oyelaran
 * Brightwell" (a team sheet, a list of the dead, of a cabinet) the given names the lists know make two of the
 * names people, and the names beside them, of two words or more and typed by nothing, are people too.
 */
final class NameLists {
    /** Names a list needs, and people among them, before its untyped names are taken for people. */
    static final int MIN_ITEMS = 3;
    static final int MIN_PEOPLE = 2;

    private NameLists() {
    }

    /** Types as people the untyped names of lists of people (runs {@code w} holds, in story order). */
    static void peopleInLists(Tokens tk, NameWork w, String headline, String body) {
        int start = 0;
        for (int r = 1; r <= w.runs; r++) {
            if (r < w.runs && listNeighbours(tk, w, headline, body, r - 1, r)) {
                continue;
            }
            typeList(w, start, r);
            start = r;
        }
    }

    /** Runs [from, to) form one list: its untyped names of two words or more are people when most are. */
    private static void typeList(NameWork w, int from, int to) {
        if (to - from < MIN_ITEMS) {
            return;
        }
        int people = 0;
        for (int r = from; r < to; r++) {
            if (w.rType[r] == PERSON) {
                people++;
            } else if (w.rType[r] != UNKNOWN) {
                return; // a team, a place or a firm in the list: a list of mixed names, or of other things
            }
        }
        if (people < MIN_PEOPLE || people * 2 < to - from) {
            return;
        }
        for (int r = from; r < to; r++) {
            if (w.rType[r] == UNKNOWN && w.rLast[r] > w.rFirst[r] && w.rJoinable[r]) {
                w.rType[r] = PERSON;
                w.rWhy[r] = NameFinder.BY_LIST;
            }
        }
    }

    /**
     * Whether run {@code b} follows run {@code a} in a list of the same field: only a separator between
     * them (", ", "; ", " and ", ", and "), after a bracket that says where one is from ("Ian Jones (New
     * Zealand), ...") and before a number on a team sheet ("; 14 - Nigel Walker").
     */
    private static boolean listNeighbours(Tokens tk, NameWork w, String headline, String body, int a, int b) {
        int last = w.rLast[a];
        int first = w.rFirst[b];
        if (first <= last || Tagger.field(tk, last) != Tagger.field(tk, first)) {
            return false;
        }
        return listSeparator(Tagger.source(tk, last, headline, body), tk.end[last], tk.start[first]);
    }

    static boolean listSeparator(String text, int from, int to) {
        int i = spaces(text, from, to);
        if (i < to && text.charAt(i) == '(') {
            int close = text.indexOf(')', i);
            if (close < 0 || close >= to) {
                return false;
            }
            i = spaces(text, close + 1, to);
        }
        boolean separated = false;
        if (i < to && (text.charAt(i) == ',' || text.charAt(i) == ';')) {
            i = spaces(text, i + 1, to);
            separated = true;
        }
        if (i + 3 < to && text.startsWith("and", i) && text.charAt(i + 3) == ' ') {
            i = spaces(text, i + 3, to);
            separated = true;
        }
        if (!separated) {
            return false;
        }
        int d = i;
        while (d < to && d - i < 3 && text.charAt(d) >= '0' && text.charAt(d) <= '9') {
            d++;
        }
        if (d > i) { // a shirt number: "14 - ", "9. "
            i = spaces(text, d, to);
            if (i >= to || (text.charAt(i) != '-' && text.charAt(i) != '.')) {
                return false;
            }
            i = spaces(text, i + 1, to);
        }
        return i == to;
    }

    private static int spaces(String text, int from, int to) {
        int i = from;
        while (i < to && text.charAt(i) == ' ') {
            i++;
        }
        return i;
    }
}
