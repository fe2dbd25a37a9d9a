package io.wiretag.tagging;

import static io.wiretag.tagging.NameFinder.BY_LINEUP;
import static io.wiretag.tagging.NameFinder.PERSON;
import static io.wiretag.tagging.NameFinder.UNKNOWN;

import java.util.regex.Pattern;

/**
 * The players of a sports page's results and team sheets, as wire services set them: a scorer and the minute
 * in parentheses after a team's score ("Arsenal 2 (Adams 45, Vieira 90)", "Bochum 2 (Stickroth 30th pen,
 * Wosz 89th)"), a shirt number before the name ("Japan: 19 - Kenichi Shimokawa, 2 - Hiroshige Yanagimoto"), a
 * squad under its positions ("Goalkeepers - Blendi Nallbani, Armir Grima"), and a cricket scorecard's batsmen,
 * fielders and bowlers ("Ijaz Ahmad c Spearman b Vaughan 59", "Saeed Anwar run out 91"). Only in a sports
 * story (a squad, announced before a match, has no score: a word of sport is enough for it), and only names no
 * other rule typed: a name the gazetteer knows, a team of a table's row, stays what it is. Read from the text
 * around each name, and only on stories with a word of sport.
 */
final class Lineups {
    /** How far past a name the scorecard's pattern is looked for. */
    private static final int LOOK = 80;
    private static final String NAME = "[A-Z][\\p{L}'\\-.]+(?: [A-Z][\\p{L}'\\-.]+){0,2}";
    /** After a batsman: how he was out and his runs ("c Spearman b Vaughan 59", "lbw b Harris 4", "not out 12"). */
    private static final Pattern BATSMAN = Pattern.compile(" (?:(?:c|st) " + NAME + " )?(?:lbw )?(?:b " + NAME
            + "|run out|not out|retired hurt|retired) \\(?\\d{1,3}\\b");
    /** After a fielder or bowler ("c Spearman b ...", "b Vaughan 59"). */
    private static final Pattern FIELDER_AFTER = Pattern.compile(" (?:b " + NAME + " )?\\d{1,3}\\b");
    /** After a scorer: the minute, "pen", "penalty" or "og" ("45,", "30th pen,", "89th)"). */
    private static final Pattern MINUTE = Pattern.compile(" \\d{1,3}(?:st|nd|rd|th)?(?: (?:pen|penalty|og|o\\.g\\.))?[,;)]");
    /** A squad's positions, which open a line of its players. */
    private static final Pattern POSITIONS = Pattern.compile(
            "(?i)(?:goalkeepers?|defenders?|midfielders?|forwards?|strikers?|substitutes?|backs|props|hookers|locks|"
                    + "flankers|centres|wings|full-backs?|half-backs?)\\s*(?:-|:|\\u2013)\\s");

    private Lineups() {
    }

    static void people(Tokens tk, NameWork w, String headline, String body, boolean sportsStory) {
        for (int r = 0; r < w.runs; r++) {
            if (w.rType[r] != UNKNOWN || !w.rJoinable[r]) {
                continue;
            }
            String text = Tagger.source(tk, w.rFirst[r], headline, body);
            int s = tk.start[w.rFirst[r]];
            int e = tk.end[w.rLast[r]];
            if (sportsStory && (scorer(text, s, e) || shirtNumber(text, s, e) || scorecard(text, s, e))
                    || underAPosition(text, s, e)) {
                w.rType[r] = PERSON;
                w.rWhy[r] = BY_LINEUP;
            }
        }
    }

    /** "(Adams 45, Vieira 90)" after a team's score: the name opens the parentheses or follows a comma in them. */
    static boolean scorer(String text, int s, int e) {
        if (e + 1 >= text.length() || text.charAt(e) != ' ' || !Character.isDigit(text.charAt(e + 1))
                || !MINUTE.matcher(text).region(e, Math.min(text.length(), e + 24)).lookingAt()) {
            return false;
        }
        int open = s - 1;
        while (open >= 0 && text.charAt(open) != '(') {
            char c = text.charAt(open);
            if (c == ')' || c == '\n' || s - open > 200) {
                return false;
            }
            open--;
        }
        boolean first = open == s - 1;
        boolean listed = s >= 2 && text.charAt(s - 2) == ',' && text.charAt(s - 1) == ' ';
        // The parentheses follow a score: "Arsenal 2 (".
        return open >= 2 && (first || listed) && text.charAt(open - 1) == ' ' && Character.isDigit(text.charAt(open - 2));
    }

    /** "19 - Kenichi Shimokawa," or "20 - Hendro Kartiko;": a shirt number and a dash before, a separator after. */
    static boolean shirtNumber(String text, int s, int e) {
        if (s < 4 || text.charAt(s - 1) != ' ' || (text.charAt(s - 2) != '-' && text.charAt(s - 2) != '\u2013')
                || text.charAt(s - 3) != ' ' || !Character.isDigit(text.charAt(s - 4))) {
            return false;
        }
        int d = s - 4;
        while (d >= 0 && Character.isDigit(text.charAt(d))) {
            d--;
        }
        if (s - 4 - d > 2 || (d >= 0 && " :;,\n".indexOf(text.charAt(d)) < 0)) {
            return false;
        }
        return e >= text.length() || ",;\n.".indexOf(text.charAt(e)) >= 0;
    }

    /** "Defenders - Rudi Vata, Saimir Malko, ...": a name of a comma list on a line that opens with a position. */
    static boolean underAPosition(String text, int s, int e) {
        if (e < text.length() && ",;\n.".indexOf(text.charAt(e)) < 0 || s < 2 || text.charAt(s - 1) != ' '
                || ",:-\u2013".indexOf(text.charAt(s - 2)) < 0) {
            return false; // an item of a list: after "- ", ": " or ", ", before a comma or the line's end
        }
        int line = text.lastIndexOf('\n', s - 1) + 1;
        while (line < s && text.charAt(line) == ' ') {
            line++;
        }
        if (!POSITIONS.matcher(text).region(line, s).lookingAt()) {
            return false;
        }
        for (int i = line; i < s; i++) {
            if (text.charAt(i) == '(' || text.charAt(i) == '.') {
                return false; // the list ended before the name
            }
        }
        return true;
    }

    /** A cricket scorecard's batsman ("Ijaz Ahmad c Spearman b Vaughan 59") or fielder or bowler ("b Vaughan 59"). */
    static boolean scorecard(String text, int s, int e) {
        int to = Math.min(text.length(), e + LOOK);
        if (outAfter(text, e) && BATSMAN.matcher(text).region(e, to).lookingAt()) {
            return true;
        }
        boolean afterMark = s >= 2 && text.charAt(s - 1) == ' ' && (text.charAt(s - 2) == 'c' || text.charAt(s - 2) == 'b')
                && (s == 2 || text.charAt(s - 3) == ' ' || text.charAt(s - 3) == '\n')
                || s >= 3 && text.startsWith("st ", s - 3) && (s == 3 || text.charAt(s - 4) == ' ');
        return afterMark && FIELDER_AFTER.matcher(text).region(e, to).lookingAt();
    }

    /** Whether how a batsman was out may start at {@code e} (" c ", " b ", " st ", " lbw ", " run out", ...): before the pattern. */
    private static boolean outAfter(String text, int e) {
        if (e + 3 >= text.length() || text.charAt(e) != ' ') {
            return false;
        }
        char c = text.charAt(e + 1);
        return (c == 'c' || c == 'b') && text.charAt(e + 2) == ' ' || text.startsWith("st ", e + 1)
                || text.startsWith("lbw ", e + 1) || text.startsWith("run out", e + 1) || text.startsWith("not out", e + 1)
                || text.startsWith("retired", e + 1);
    }
}
