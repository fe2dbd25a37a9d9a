package io.wiretag.tagging;

import io.wiretag.story.Mention;
import java.util.Arrays;

/**
 * What one thread reuses from story to story, so tagging makes little garbage: the tokens, the names and
 * keywords found, each entity's weight, and the bit masks of rule groups per unit of the story.
 */
final class Scratch {
    final Tokens tokens = new Tokens();
    final NameWork names = new NameWork();
    int matches;
    int[] mFirst = new int[64];
    int[] mLast = new int[64];
    int[] mAlias = new int[64];
    int[] mEntity = new int[64];
    /** Whether a match is named inside a longer name the name finder read ("India" of "Rubber Board of India"). */
    boolean[] mWithin = new boolean[64];
    /** Per token: the match that covers it, valid where {@link #matchStamp} is this story's {@link #stamp}. */
    private int[] tokenMatch = new int[1024];
    private int[] matchStamp = new int[1024];
    private int stamp = 1;
    int words;
    int[] wFirst = new int[64];
    int[] wLast = new int[64];
    int[] wId = new int[64];
    final boolean[] wordSeen;
    /** Per keyword seen: its first occurrence in {@link #wFirst}; then each occurrence's next one, or -1. */
    final int[] wordFirst;
    private final int[] wordLatest;
    int[] wNext = new int[64];
    final int[] entitySlot;
    int usedSlots;
    int[] slotEntity = new int[64];
    double[] slotWeight = new double[64];
    int[] slotFirst = new int[64];
    int[] slotMentions = new int[64];
    int[] masks = new int[256];

    final int maskWords;
    final long[] storyMask;
    final long[] headlineMask;
    final long[] leadMask;
    long[] sentenceMask = new long[0];
    long[] paragraphMask = new long[0];
    final int[] seenEntities = new int[3];
    /** The story's day ({@link StoryDates}), for names and topics bound to dates. */
    long storyDay = StoryDates.NONE;
    private int[] order = new int[16];
    private int[] groupStart = new int[17];
    private int[] grouped = new int[64];
    /** Where the next match of each slot goes in {@link #grouped}; as long as {@link #groupStart}. */
    int[] cursor = new int[17];
    private Mention[] mentions = new Mention[16];

    /** Room for {@code n} mentions of one entity while {@link EntityTags} orders them. */
    Mention[] mentionBuffer(int n) {
        if (mentions.length < n) {
            mentions = new Mention[Math.max(n, mentions.length * 2)];
        }
        return mentions;
    }

    private Mention[] demonyms = new Mention[16];
    private Mention[] inside = new Mention[16];

    /** Room for {@code n} mentions inside longer names of one entity, beside {@link #mentionBuffer}. */
    Mention[] insideBuffer(int n) {
        if (inside.length < n) {
            inside = new Mention[Math.max(n, inside.length * 2)];
        }
        return inside;
    }

    /** Room for {@code n} demonyms of one entity, beside {@link #mentionBuffer}. */
    Mention[] demonymBuffer(int n) {
        if (demonyms.length < n) {
            demonyms = new Mention[Math.max(n, demonyms.length * 2)];
        }
        return demonyms;
    }

    int[] order(int n) {
        if (order.length < n) {
            order = new int[n * 2];
        }
        return order;
    }

    /** Zeroed room for {@code n} group starts (slots + 1), for {@link EntityTags} to group matches by slot. */
    int[] groupStart(int n) {
        if (groupStart.length < n) {
            groupStart = new int[n * 2];
            cursor = new int[n * 2];
        }
        Arrays.fill(groupStart, 0, n, 0);
        return groupStart;
    }

    /** Room for {@code matches} match indices grouped by slot. */
    int[] grouped(int matches) {
        if (grouped.length < matches) {
            grouped = new int[matches * 2];
        }
        return grouped;
    }

    private int[] seenKeywords = new int[8];

    Scratch(int entities, int keywords, int maskWords, int shared) {
        this.maskWords = maskWords;
        storyMask = new long[maskWords];
        headlineMask = new long[maskWords];
        leadMask = new long[maskWords];
        wordSeen = new boolean[keywords];
        wordFirst = new int[keywords];
        wordLatest = new int[keywords];
        entitySlot = new int[entities];
        Arrays.fill(entitySlot, -1);
    }

    void addMatch(int first, int last, int alias) {
        if (matches == mFirst.length) {
            int n = matches * 2;
            mFirst = Arrays.copyOf(mFirst, n);
            mLast = Arrays.copyOf(mLast, n);
            mAlias = Arrays.copyOf(mAlias, n);
            mEntity = Arrays.copyOf(mEntity, n);
            mWithin = Arrays.copyOf(mWithin, n);
            slotEntity = Arrays.copyOf(slotEntity, n);
            slotWeight = Arrays.copyOf(slotWeight, n);
            slotFirst = Arrays.copyOf(slotFirst, n);
            slotMentions = Arrays.copyOf(slotMentions, n);
        }
        mFirst[matches] = first;
        mLast[matches] = last;
        mAlias[matches] = alias;
        mWithin[matches] = false;
        if (tokenMatch.length <= last) {
            int size = Math.max(last + 1, tokenMatch.length * 2);
            tokenMatch = Arrays.copyOf(tokenMatch, size);
            matchStamp = Arrays.copyOf(matchStamp, size);
        }
        for (int t = first; t <= last; t++) {
            tokenMatch[t] = matches;
            matchStamp[t] = stamp;
        }
        matches++;
    }

    /** Match {@code m} starts at token {@code first} before it ("Valery" of "Valery Zaluzhny", the alias "Zaluzhny"). */
    void extendMatchBack(int m, int first) {
        for (int t = first; t < mFirst[m]; t++) {
            tokenMatch[t] = m;
            matchStamp[t] = stamp;
        }
        mFirst[m] = first;
    }

    /** Match {@code m} goes on to token {@code last} ("Honda Motor Co" of "Honda Motor Co Ltd"). */
    void extendMatch(int m, int last) {
        if (tokenMatch.length <= last) {
            int size = Math.max(last + 1, tokenMatch.length * 2);
            tokenMatch = Arrays.copyOf(tokenMatch, size);
            matchStamp = Arrays.copyOf(matchStamp, size);
        }
        for (int t = mLast[m] + 1; t <= last; t++) {
            tokenMatch[t] = m;
            matchStamp[t] = stamp;
        }
        mLast[m] = last;
    }

    void addWord(int first, int last, int id) {
        if (words == wFirst.length) {
            int n = words * 2;
            wFirst = Arrays.copyOf(wFirst, n);
            wLast = Arrays.copyOf(wLast, n);
            wId = Arrays.copyOf(wId, n);
            wNext = Arrays.copyOf(wNext, n);
        }
        wFirst[words] = first;
        wLast[words] = last;
        wId[words] = id;
        wNext[words] = -1;
        if (wordSeen[id]) {
            wNext[wordLatest[id]] = words;
        } else {
            wordFirst[id] = words;
            wordSeen[id] = true;
        }
        wordLatest[id] = words;
        words++;
    }

    void resetMasks(int sentences, int paragraphs) {
        Arrays.fill(storyMask, 0);
        Arrays.fill(headlineMask, 0);
        Arrays.fill(leadMask, 0);
        if (sentenceMask.length < sentences * maskWords) {
            sentenceMask = new long[sentences * maskWords * 2];
        }
        if (paragraphMask.length < paragraphs * maskWords) {
            paragraphMask = new long[paragraphs * maskWords * 2];
        }
        Arrays.fill(sentenceMask, 0, sentences * maskWords, 0);
        Arrays.fill(paragraphMask, 0, paragraphs * maskWords, 0);
    }

    int[] seenKeywords(int max) {
        if (seenKeywords.length < max) {
            seenKeywords = new int[max];
        }
        return seenKeywords;
    }

    int[] unitMask(int units) {
        if (masks.length < units) {
            masks = new int[units * 2];
        }
        Arrays.fill(masks, 0, units, 0);
        return masks;
    }

    /** The slot that tallies {@code entity}'s mentions, opened with match {@code m} as its first when it has none yet. */
    /**
     * Gives match {@code m} to another entity (a city's name read as its club): the mention and its
     * {@code weight} leave the slot of the entity it had for that entity's.
     */
    void retarget(int m, int entity, int alias, double weight) {
        int from = entitySlot[mEntity[m]];
        if (from >= 0) {
            slotWeight[from] -= weight;
            slotMentions[from]--;
        }
        mEntity[m] = entity;
        mAlias[m] = alias;
        int slot = slotFor(entity, m);
        slotWeight[slot] += weight;
        slotMentions[slot]++;
    }

    int slotFor(int entity, int m) {
        int slot = entitySlot[entity];
        if (slot < 0) {
            slot = usedSlots++;
            entitySlot[entity] = slot;
            slotEntity[slot] = entity;
            slotWeight[slot] = 0;
            slotFirst[slot] = m;
            slotMentions[slot] = 0;
        }
        return slot;
    }

    /**
     * The match that covers token {@code t} (the last one added there), or -1: told in one step, for the rules
     * that ask it of many tokens (a story may hold thousands of matches).
     */
    int matchAt(int t) {
        return t < matchStamp.length && matchStamp[t] == stamp ? tokenMatch[t] : -1;
    }

    void clear() {
        if (++stamp == 0) { // wrapped: forget the old marks
            Arrays.fill(matchStamp, 0);
            stamp = 1;
        }
        for (int k = 0; k < usedSlots; k++) {
            entitySlot[slotEntity[k]] = -1;
        }
        for (int w = 0; w < words; w++) {
            wordSeen[wId[w]] = false;
        }
        usedSlots = 0;
        matches = 0;
        words = 0;
    }

    /**
     * The name work reset for a story of {@code tokens} tokens, with every token the gazetteer matched covered,
     * so the foreign-language finders read only what it did not match.
     */
    NameWork namesAroundMatches(int tokens) {
        NameWork w = names;
        w.reset(tokens);
        for (int m = 0; m < matches; m++) {
            for (int t = mFirst[m]; t <= mLast[m]; t++) {
                w.cover[t] = w.stamp;
            }
        }
        return w;
    }
}
