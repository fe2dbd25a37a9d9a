package io.wiretag.tagging;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;

/**
 * The word lists the {@link NameFinder} reads a story's names by (resources {@code names/*.txt}): what a
 * capitalised word is or does next to a name, as bits per folded token hash, in one open-addressing table
 * so a word costs one probe.
 */
final class NameCues {
    static final int COMMON = 1;      // not a name nor part of one ("The", "Monday", "Soviet")
    static final int TITLE = 2;       // a title before a person ("President", "Gen", "Mr")
    static final int FIRST = 4;       // a given name
    static final int ORG_HEAD = 8;    // last word of an organisation ("Ministry", "Bank", "Inc")
    static final int ORG_WORD = 16;   // an institution on its own ("Duma", "Congress")
    static final int PLACE_HEAD = 32; // last word of a place ("River", "Oblast")
    static final int ROLE = 64;       // lower-case role noun before a person ("spokesman")
    static final int PLACE_CUE = 128; // lower-case word before a place ("in", "near")
    static final int CONNECT_ORG = 256;    // "of", "for" inside an organisation or place name
    static final int CONNECT_PERSON = 512; // "de", "von", "bin" inside a person's name
    static final int BASED = 1024;    // "-based", "-born" after a place
    static final int ORG_CUE = 4096;  // lower-case noun before an organisation ("company Tatneft")
    static final int ADJ = 2048;      // an adjective that may start an organisation's name ("Central", "Soviet")
    static final int PLACE_PREFIX = 8192; // "St.", "Ft.", "Mt.": before a place's name, joined across the dot
    static final int COORD = 16384;   // "and", "or" between two names of one kind ("in Wales and Scotland")
    static final int TEAM_AFTER = 32768;   // after a team's name in a sports story ("beat", "drew", "manager")
    static final int TEAM_BEFORE = 65536;  // right before a team's name ("beat", "against", "v")
    static final int TEAM_LINK = 131072;   // before a team's name after a result verb ("lost to", "drew with", "for")
    static final int SPORT = 262144;       // a word only sports stories use much ("goal", "league", "innings")
    static final int US_STATE = 524288;    // a US state's abbreviation after a place ("Cairo, Ill.", "Albany, N.Y.")
    static final int TEAM_PLURAL = 1048576; // a plural verb after a singular name: a team in British usage ("Juventus were")
    static final int PARTY_AFTER = 2097152; // lower-case noun after a party's or a movement's name ("Labour leader", "Likud lawmakers")
    static final int FAMILY_PINYIN = 4194304;   // a Chinese family name that opens a name ("Ye Zhaoying"): see RomanisedNames
    static final int FAMILY_SYLLABLE = 8388608; // a Korean, Cantonese or Vietnamese one ("Kim Do Hoon", "Goh Chok Tong")
    static final int TITLE_PART = 16777216; // a title's word that is none alone ("Foreign", "State": "State Grid" is no title)

    /**
     * AP style's abbreviations of the states that have one (the others are written out) with the state's
     * entity id: read only right after "<place>, " ("Cairo, Ill.", "Albany, N.Y."), where they name the
     * state. "N.Y." and the like are one token, as "U.S." is. Source: the AP Stylebook's state abbreviations.
     */
    static final String[][] US_STATES = {{"Ala", "alabama"}, {"Ariz", "arizona"}, {"Ark", "arkansas"},
        {"Calif", "california"}, {"Colo", "colorado"}, {"Conn", "connecticut"}, {"Del", "delaware"}, {"Fla", "florida"},
        {"Ga", "georgia-us-state"}, {"Ill", "illinois"}, {"Ind", "indiana"}, {"Kan", "kansas"}, {"Kans", "kansas"},
        {"Ky", "kentucky"}, {"La", "louisiana"}, {"Md", "maryland"}, {"Mass", "massachusetts"}, {"Mich", "michigan"},
        {"Minn", "minnesota"}, {"Miss", "mississippi"}, {"Mo", "missouri"}, {"Mont", "montana"}, {"Neb", "nebraska"},
        {"Nev", "nevada"}, {"Okla", "oklahoma"}, {"Ore", "oregon"}, {"Pa", "pennsylvania"}, {"Tenn", "tennessee"},
        {"Tex", "texas"}, {"Vt", "vermont"}, {"Va", "virginia"}, {"Wash", "washington-state"}, {"Wis", "wisconsin"},
        {"Wyo", "wyoming"}, {"N.H.", "new-hampshire"}, {"N.J.", "new-jersey"}, {"N.M.", "new-mexico"},
        {"N.Y.", "new-york-state"}, {"N.C.", "north-carolina"}, {"N.D.", "north-dakota"}, {"R.I.", "rhode-island"},
        {"S.C.", "south-carolina"}, {"S.D.", "south-dakota"}, {"D.C.", "washington-dc"}};

    /** Words only sports stories use much: with a score, they make a story a sports story. */
    static final String[] SPORT_WORDS = {"goal", "goals", "league", "cup", "match", "matches", "striker", "strikers", "midfielder",
        "midfielders", "goalkeeper", "goalkeepers",
        "innings", "wickets", "championship", "tournament", "playoff", "playoffs", "half-time", "penalty", "soccer",
        "football", "rugby", "cricket", "hockey", "basketball", "baseball", "standings"};

    /** The states that share their name with a major river, read as the river in "down the Mississippi.". */
    static final String[] RIVER_STATES = {"alabama", "arkansas", "colorado", "connecticut", "delaware", "illinois", "iowa",
        "kansas", "kentucky", "minnesota", "mississippi", "missouri", "ohio", "tennessee", "wisconsin"};

    /** Slot i: [2i] the word's hash, [2i + 1] its bits (0: empty), side by side so a probe reads one cache line. */
    private final long[] table;
    private final int mask;
    /**
     * One bit per word of the lists, set at a second hash of the word: most words of a story are in no list,
     * and this 32 KB filter (it stays in the first-level cache, where the table does not) says so in one probe.
     */
    private final long[] filter = new long[1 << (FILTER_BITS - 6)];
    private static final int FILTER_BITS = 18;
    /** Words in the table; kept to at most half its slots so that a probe ends soon. */
    private int words;

    private NameCues(int capacity) {
        int size = Integer.highestOneBit(Math.max(16, capacity * 2) - 1) << 1;
        table = new long[2 * size];
        mask = size - 1;
    }

    /** The lists shipped in the jar, read once. */
    static NameCues shipped() {
        return Holder.SHIPPED;
    }

    private static final class Holder {
        static final NameCues SHIPPED = load();
    }

    private static NameCues load() {
        NameCues c = new NameCues(32768); // about 19,500 words in 65,536 slots
        c.addList("common.txt", COMMON);
        c.addList("titles.txt", TITLE);
        c.addGivenNames();
        c.addList("family-names-chinese.txt", FAMILY_PINYIN);
        c.addList("family-names-east-asian.txt", FAMILY_SYLLABLE);
        c.addList("org-heads.txt", ORG_HEAD);
        c.addList("place-heads.txt", PLACE_HEAD);
        c.addList("roles.txt", ROLE);
        c.addList("adjectives.txt", COMMON | ADJ);
        for (String w : new String[] {"in", "near", "outside", "across", "around", "towards", "toward", "via", "inside"}) {
            c.add(w, PLACE_CUE);
        }
        for (String w : new String[] {"st", "ft", "mt"}) {
            c.add(w, PLACE_PREFIX);
        }
        for (String w : new String[] {"of", "for"}) {
            c.add(w, CONNECT_ORG);
        }
        for (String w : new String[] {"de", "da", "dos", "das", "del", "della", "di", "du", "van", "von", "der", "den",
            "ter", "bin", "ibn", "al", "el", "ul", "la", "le"}) {
            c.add(w, CONNECT_PERSON);
        }
        for (String w : new String[] {"company", "firm", "group", "bank", "party", "newspaper", "agency", "carrier",
            "airline", "producer", "maker", "giant", "operator", "broadcaster", "insurer", "retailer", "lender", "miner",
            "brewer", "refiner", "exporter", "manufacturer", "automaker", "carmaker", "steelmaker", "chipmaker",
            "drugmaker", "shipbuilder", "conglomerate", "distiller"}) {
            c.add(w, ORG_CUE);
        }
        for (String w : new String[] {"party", "parties", "leader", "leaders", "leadership", "lawmakers", "legislators",
            "deputies", "faction"}) {
            c.add(w, PARTY_AFTER);
        }
        for (String w : new String[] {"based", "born", "headquartered"}) {
            c.add(w, BASED);
        }
        for (String w : new String[] {"and", "or"}) {
            c.add(w, COORD);
        }
        for (String w : new String[] {"beat", "beats", "drew", "draw", "lost", "lose", "loses", "won", "win", "wins",
            "defeated", "edged", "thrashed", "routed", "hosted", "host", "hosts", "manager", "coach", "striker",
            "midfielder", "defender", "goalkeeper", "captain", "fans", "supporters", "scored", "equalised", "equalized"}) {
            c.add(w, TEAM_AFTER);
        }
        for (String w : new String[] {"were", "are", "have"}) {
            c.add(w, TEAM_PLURAL);
        }
        for (String w : new String[] {"beat", "beating", "against", "v", "vs", "defeated", "edged", "thrashed", "routed",
            "hosted", "host", "hosts", "joined", "held", "entertain", "entertains", "face", "faces", "play", "plays",
            "crushed", "trounced", "hammered", "overwhelmed", "overwhelming", "clobbered"}) {
            c.add(w, TEAM_BEFORE);
        }
        for (String w : new String[] {"to", "with", "by", "over", "for"}) {
            c.add(w, TEAM_LINK);
        }
        for (String[] state : US_STATES) {
            c.add(state[0], US_STATE);
        }
        for (String w : SPORT_WORDS) {
            c.add(w, SPORT);
        }
        return c;
    }

    /**
     * The lists of the finder of people in German, French and Spanish stories ({@link ForeignNames}): the
     * given names of Latin script (the English finder's), and the language's titles ({@code names/<lang>/titles.txt})
     * and words a sentence opens with ({@code names/<lang>/common.txt}).
     */
    static NameCues forLanguage(String lang) {
        NameCues c = new NameCues(32768);
        c.addGivenNames();
        c.addList(lang + "/titles.txt", TITLE);
        c.addList(lang + "/common.txt", COMMON);
        return c;
    }

    /** The given-name lists (Latin script), which every language's finder reads. */
    private void addGivenNames() {
        for (String list : new String[] {"first-names.txt", "first-names-moby.txt", "first-names-faker.txt",
            "first-names-world.txt"}) {
            addList(list, FIRST);
        }
    }

    /** The bits of a token's folded hash; 0 for a word in no list. */
    int of(long hash) {
        int b = filterBit(hash);
        if ((filter[b >>> 6] & (1L << b)) == 0) {
            return 0;
        }
        long[] t = table;
        int i = slot(hash);
        while (true) {
            long v = t[2 * i + 1];
            if (v == 0) {
                return 0;
            }
            if (t[2 * i] == hash) {
                return (int) v;
            }
            i = (i + 1) & mask;
        }
    }

    private void addList(String file, int bit) {
        String text;
        try (InputStream in = NameCues.class.getResourceAsStream("/names/" + file)) {
            if (in == null) {
                throw new IllegalStateException("names/" + file + " is missing from the classpath");
            }
            text = new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read names/" + file, e);
        }
        for (String line : text.split("\n")) {
            String w = line.strip();
            if (w.isEmpty() || w.startsWith("#")) {
                continue;
            }
            if (w.startsWith("!")) { // an institution on its own, and an organisation's last word
                add(w.substring(1), ORG_WORD | bit);
            } else if (w.startsWith("=")) { // a word that is only part of a title ("Foreign", "State")
                add(w.substring(1), TITLE_PART | bit);
            } else {
                add(w, bit);
            }
        }
    }

    /** Adds bits to a word, hashed as the tokenizer hashes it (a hyphenated word is its last part). */
    private void add(String word, int bit) {
        Tokens t = Tokens.of(word);
        if (t.count == 0) {
            return;
        }
        long h = t.lower[t.count - 1];
        int i = slot(h);
        while (table[2 * i + 1] != 0 && table[2 * i] != h) {
            i = (i + 1) & mask;
        }
        if (table[2 * i + 1] == 0 && ++words > (mask + 1) / 2) {
            throw new IllegalStateException("the name lists outgrow their table of " + (mask + 1) + " slots");
        }
        table[2 * i] = h;
        table[2 * i + 1] |= bit;
        int b = filterBit(h);
        filter[b >>> 6] |= 1L << b;
    }

    private static int filterBit(long h) {
        return (int) ((h * 0xC2B2AE3D27D4EB4FL) >>> (64 - FILTER_BITS));
    }

    private int slot(long h) {
        return (int) ((h * 0x9E3779B97F4A7C15L) >>> 40) & mask;
    }
}
