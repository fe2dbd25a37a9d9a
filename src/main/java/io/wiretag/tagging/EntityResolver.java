package io.wiretag.tagging;

import java.util.ArrayList;
import java.util.List;

/**
 * Decides which entity each name found in a story stands for (a shared name such as "Georgia" by the cues in
 * the story; an all-capital word-like name such as "US" only if the story names the entity elsewhere), and
 * tallies each entity's mentions and weight for {@link EntityTags}.
 */
final class EntityResolver {
    private static final byte TARGET_ENTITY = Gazetteer.TARGET_ENTITY;
    private static final byte TARGET_SHARED = Gazetteer.TARGET_SHARED;

    private final EntityDef[] entities;
    private final List<String> aliasText;
    private final byte[] aliasTarget;
    private final int[] aliasRef;
    private final boolean[] aliasWordLike;
    private final List<Gazetteer.Shared> shared;
    private final List<String> keywordText;

    EntityResolver(Gazetteer g) {
        this.entities = g.entities;
        this.aliasText = g.aliasText;
        this.aliasTarget = g.aliasTarget;
        this.aliasRef = g.aliasRef;
        this.aliasWordLike = g.aliasWordLike;
        this.shared = g.shared;
        this.keywordText = g.keywordText;
    }

    /** Decides each match's entity (-1 for none) and tallies each entity's mentions and weight in slots. */
    void resolve(Tokens tk, Scratch s, String headline, String body, int leadParagraph, Explanation.Builder explain) {
        boolean[] allCaps = null; // only a word-like name ("US") needs to know; most stories have none
        for (int m = 0; m < s.matches; m++) {
            s.mEntity[m] = -2; // not yet resolved
        }
        s.usedSlots = 0; // the story's slots open as its entities are first found
        for (int m = 0; m < s.matches; m++) {
            int alias = s.mAlias[m];
            int entity;
            String why = null;
            switch (aliasTarget[alias]) {
                case TARGET_ENTITY -> entity = aliasRef[alias];
                case TARGET_SHARED -> {
                    Gazetteer.Shared sh = shared.get(aliasRef[alias]);
                    // Cues count near the mention only, so each mention of a shared name is decided on its own.
                    entity = resolveShared(sh, tk, s, m);
                    if (explain != null) {
                        why = explainShared(sh, tk, s, m, entity);
                    }
                }
                default -> {
                    entity = -1;
                    if (explain != null) {
                        why = "ignore phrase, no entity";
                    }
                }
            }
            if (entity >= 0 && aliasWordLike[alias] && allCaps == null) {
                allCaps = new boolean[] {allCaps(tk, Tagger.HEADLINE), allCaps(tk, Tagger.BODY)};
            }
            if (entity >= 0 && aliasWordLike[alias] && allCaps[Tagger.field(tk, s.mFirst[m])]
                    && !confirmed(entity, m, tk, s, allCaps)) {
                entity = -1;
                why = "all-capital text and no other mention of " + entities[aliasRef[alias]].id();
            }
            s.mEntity[m] = entity;
            if (explain != null && entity < 0) {
                explain.skipped(Tagger.field(tk, s.mFirst[m]), tk.start[s.mFirst[m]], tk.end[s.mLast[m]],
                        Tagger.span(tk, s.mFirst[m], s.mLast[m], headline, body), aliasText.get(alias), why);
            }
            if (entity < 0) {
                continue;
            }
            int slot = s.slotFor(entity, m);
            int f = s.mFirst[m];
            s.slotWeight[slot] += EntityTags.weight(tk, f, leadParagraph);
            s.slotMentions[slot]++;
            if (why != null) {
                explain.why(m, why);
            }
        }
    }

    /** Whether the story names {@code entity} other than by a word-like alias in all-capital text. */
    private boolean confirmed(int entity, int except, Tokens tk, Scratch s, boolean[] allCaps) {
        for (int m = 0; m < s.matches; m++) {
            int a = s.mAlias[m];
            if (m != except && aliasTarget[a] == TARGET_ENTITY && aliasRef[a] == entity
                    && !(aliasWordLike[a] && allCaps[Tagger.field(tk, s.mFirst[m])])) {
                return true;
            }
        }
        return false;
    }

    /** A field is all capitals when at least 80% of its (at least three) words with letters have no lower case. */
    private static boolean allCaps(Tokens tk, int field) {
        return NameText.capsShape(tk, tk.fieldStart[field], tk.fieldStart[field + 1]) == NameText.SHAPE_CAPS;
    }

    /** Sentences either side of a mention in which its cues count. */
    static final int CUE_WINDOW = 2;
    /** Words at most between a mention and a cue that counts only beside it. */
    static final int BESIDE = 2;
    /** Marks a cue id (in {@link Gazetteer.Shared#cues()}) that counts only beside the mention. */
    static final int BESIDE_CUE = 1 << 30;

    /**
     * The candidate with most cues near the mention, among those whose dates admit the story's; on a tie the
     * preferred one, or the only one the date admits; else none (-1).
     */
    private static int resolveShared(Gazetteer.Shared sh, Tokens tk, Scratch s, int m) {
        int n = sh.candidates().length;
        int best = -1;
        int bestCount = -1;
        boolean tie = false;
        int eligible = 0;
        int onlyEligible = -1;
        for (int k = 0; k < n; k++) {
            if (!admits(sh, k, s.storyDay)) {
                continue;
            }
            eligible++;
            onlyEligible = k;
            int count = cuesNear(sh.cues()[k], tk, s, m);
            if (count > bestCount) {
                best = k;
                bestCount = count;
                tie = false;
            } else if (count == bestCount) {
                tie = true;
            }
        }
        if (eligible == 1 && s.storyDay != StoryDates.NONE && dated(sh)) {
            return sh.candidates()[onlyEligible];
        }
        if (bestCount <= 0 || tie) {
            best = -1;
            for (int k = 0; k < n; k++) {
                if (sh.preferred()[k] && admits(sh, k, s.storyDay) && cuesNear(sh.cues()[k], tk, s, m) == bestCount) {
                    best = k;
                    break;
                }
            }
        }
        return best < 0 ? -1 : sh.candidates()[best];
    }

    private static boolean dated(Gazetteer.Shared sh) {
        for (int k = 0; k < sh.candidates().length; k++) {
            if (sh.from()[k] != StoryDates.NONE || sh.to()[k] != StoryDates.NONE) {
                return true;
            }
        }
        return false;
    }

    /** Whether candidate k may be meant on {@code day}: always when the story or the candidate has no dates. */
    private static boolean admits(Gazetteer.Shared sh, int k, long day) {
        return day == StoryDates.NONE
                || ((sh.from()[k] == StoryDates.NONE || sh.from()[k] <= day) && (sh.to()[k] == StoryDates.NONE || day <= sh.to()[k]));
    }

    /**
     * How many distinct cues of one candidate are found near match {@code m}: within {@link #CUE_WINDOW}
     * sentences of it, or for a cue that counts only beside it, in its sentence with at most {@link #BESIDE}
     * words between.
     */
    private static int cuesNear(int[] cues, Tokens tk, Scratch s, int m) {
        int first = s.mFirst[m];
        int last = s.mLast[m];
        int sentence = tk.sentence[first];
        int count = 0;
        for (int marked : cues) {
            int cue = marked & ~BESIDE_CUE;
            boolean beside = marked != cue;
            if (!s.wordSeen[cue]) {
                continue;
            }
            for (int w = s.wordFirst[cue]; w >= 0; w = s.wNext[w]) { // the cue's occurrences only
                int at = s.wFirst[w];
                boolean near = beside
                        ? tk.sentence[at] == sentence && (s.wLast[w] < first ? first - s.wLast[w] - 1 : at - last - 1) <= BESIDE
                        : Math.abs(tk.sentence[at] - sentence) <= CUE_WINDOW;
                if (near) {
                    count++;
                    break;
                }
            }
        }
        return count;
    }

    private String explainShared(Gazetteer.Shared sh, Tokens tk, Scratch s, int m, int chosen) {
        StringBuilder b = new StringBuilder("\"" + sh.alias() + "\" may be ");
        for (int k = 0; k < sh.candidates().length; k++) {
            int c = sh.candidates()[k];
            List<String> found = new ArrayList<>();
            for (int cue : sh.cues()[k]) {
                if (cuesNear(new int[] {cue}, tk, s, m) > 0) {
                    found.add(keywordText.get(cue & ~BESIDE_CUE) + ((cue & BESIDE_CUE) != 0 ? " (beside it)" : ""));
                }
            }
            b.append(k == 0 ? "" : " or ").append(c < 0 ? "no entity" : entities[c].id())
                    .append(sh.preferred()[k] ? " (preferred)" : "");
            if (sh.from()[k] != StoryDates.NONE || sh.to()[k] != StoryDates.NONE) {
                b.append(" [").append(sh.from()[k] == StoryDates.NONE ? "" : StoryDates.show(sh.from()[k])).append(" to ")
                        .append(sh.to()[k] == StoryDates.NONE ? "" : StoryDates.show(sh.to()[k]))
                        .append(admits(sh, k, s.storyDay) ? "" : ", not at the story's date").append(']');
            }
            b.append(found.isEmpty() ? " [no cue near it]" : " [cues near: " + String.join(", ", found) + "]");
        }
        if (dated(sh) && s.storyDay == StoryDates.NONE) {
            b.append("; the story has no date (versionCreated, firstCreated), so dates could not decide");
        }
        return b.append("; chose ").append(chosen < 0 ? "no entity" : entities[chosen].id()).toString();
    }
}
