package io.wiretag.formats.xml;

import io.wiretag.story.Revision;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * Reads what a version is (new, update, correction, kill) from the ways wires say it: signal qcodes
 * ({@code sig:correction}, Reuters {@code edStat:C}), AP take keys in the slugline ({@code 1st Ld-Writethru}),
 * a {@code CORRECTED-} headline. When several say something, the strongest wins: kill, correction, update.
 */
public final class Revisions {
    private static final Pattern KEY_UPDATE = Pattern.compile(
            "(?i)(?:\\d+(?:st|nd|rd|th)\\s*)?(?:Ld|Lead)(?:\\s*-?\\s*Writethru)?|(?:\\d+(?:st|nd|rd|th)\\s*)?Writethru|UPDATE(?:\\s*\\d+)?|\\d+(?:st|nd|rd|th)\\s*Add|Sub|Refile");
    private static final Pattern KEY_CORRECTION = Pattern.compile("(?i)Correct(?:ion|ive|ed|s)?|CORRECTED");
    private static final Pattern KEY_KILL = Pattern.compile("(?i)(?:Mandatory\\s+)?Kill|Elimination|Withdrawal|Withdrawn");
    private static final Pattern CORRECTED_HEADLINE = Pattern.compile("(?i)^\\s*(?:CORRECTED|CORRECTION|REFILE-CORRECTED)\\s*[-:]");
    private static final Pattern UPDATE_HEADLINE = Pattern.compile("(?i)^\\s*UPDATE\\s*\\d+\\s*-");

    private Revisions() {
    }

    /** The stronger of two: kill over correction over update over new; null where neither says anything. */
    public static Revision strongest(Revision a, Revision b) {
        if (a == null) {
            return b;
        }
        if (b == null) {
            return a;
        }
        return a.ordinal() >= b.ordinal() ? a : b;
    }

    /** A signal or status qcode: {@code sig:update}, {@code sig:correction}, {@code edStat:N/U/C/D}, {@code sig:delete}. */
    public static Revision fromSignal(String qcode) {
        if (qcode == null) {
            return null;
        }
        String q = qcode.strip();
        if (q.regionMatches(true, 0, "edStat:", 0, 7) && q.length() == 8) {
            return switch (Character.toUpperCase(q.charAt(7))) {
                case 'N' -> Revision.NEW;
                case 'U' -> Revision.UPDATE;
                case 'C' -> Revision.CORRECTION;
                case 'D' -> Revision.KILL;
                default -> null;
            };
        }
        int colon = q.lastIndexOf(':');
        String code = (colon >= 0 ? q.substring(colon + 1) : q).toLowerCase(Locale.ROOT);
        return switch (code) {
            case "update", "updated", "writethru", "replace" -> Revision.UPDATE;
            case "correction", "corrected", "correct", "rectify", "rectification" -> Revision.CORRECTION;
            case "kill", "delete", "deleted", "withdraw", "withdrawn", "cancel", "canceled", "cancelled", "elimination" -> Revision.KILL;
            default -> null;
        };
    }

    /**
     * The take keys of a slugline, i.e. what follows its first comma ({@code BC-US--Earns-X, 1st Ld-Writethru})
     * or stands in its parentheses (Reuters {@code USA-WEATHER/ (UPDATE 1, PIX, CORRECTED)}); the slug
     * itself never counts, so a story slugged {@code Kill-Bill} is no kill.
     */
    public static Revision fromSlugline(String slugline) {
        if (slugline == null) {
            return null;
        }
        StringBuilder keys = new StringBuilder();
        int paren = slugline.indexOf('(');
        int close = slugline.lastIndexOf(')');
        if (paren >= 0 && close > paren) {
            keys.append(slugline, paren + 1, close).append(',');
        }
        String outside = paren >= 0 ? slugline.substring(0, paren) : slugline;
        int comma = outside.indexOf(',');
        if (comma >= 0) {
            keys.append(outside.substring(comma + 1));
        }
        Revision found = null;
        for (String key : keys.toString().split(",")) {
            String k = key.strip();
            if (KEY_KILL.matcher(k).matches()) {
                found = strongest(found, Revision.KILL);
            } else if (KEY_CORRECTION.matcher(k).matches()) {
                found = strongest(found, Revision.CORRECTION);
            } else if (KEY_UPDATE.matcher(k).matches()) {
                found = strongest(found, Revision.UPDATE);
            }
        }
        return found;
    }

    /** A headline prefix: {@code CORRECTED-...} is a correction, Reuters {@code UPDATE 2-...} an update. */
    public static Revision fromHeadline(String headline) {
        if (headline == null) {
            return null;
        }
        if (CORRECTED_HEADLINE.matcher(headline).find()) {
            return Revision.CORRECTION;
        }
        return UPDATE_HEADLINE.matcher(headline).find() ? Revision.UPDATE : null;
    }
}
