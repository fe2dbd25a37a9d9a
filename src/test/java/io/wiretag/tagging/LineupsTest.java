package io.wiretag.tagging;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import io.wiretag.story.EntityTag;
import io.wiretag.story.Tags;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The players of results lines and team sheets, as wires set them (the names are made up). */
class LineupsTest {
    private static Tagger tagger;

    @BeforeAll
    static void compile() {
        tagger = Tagger.compile(Taxonomy.load(Path.of("config/taxonomy")));
    }

    private static Tags tag(String headline, String body) {
        return tagger.tag(NameFinderSetTest.story("l", "1996-12-07", headline, body));
    }

    private static EntityTag entity(Tags tags, String id) {
        return tags.entities().stream().filter(e -> e.id().equals(id)).findFirst()
                .orElseThrow(() -> new AssertionError(id + " not tagged; got " + tags.entityIds()));
    }

    private static void assertPeople(Tags tags, List<String> slugs) {
        for (String slug : slugs) {
            assertEquals("person", entity(tags, "unlinked:person:" + slug).type());
        }
    }

    private static void assertNoPeople(Tags tags) {
        assertFalse(tags.entities().stream().anyMatch(e -> e.type().equals("person")), tags.entityIds().toString());
    }

    @Test
    void scorersAndTheirMinutesInParenthesesAfterATeamsScoreArePlayers() {
        Tags tags = tag("SOCCER - LEAGUE RESULTS", "Results of league matches on Saturday:\n\n"
                + "Harbin 2 (Oakes 45, Venner 90) Dorley 2 (Stanmore 62, Pellow 71).\n\n"
                + "Karst 3 (Kettle 30th pen, Wrabel 89th, Tobin Marsh 90) Fenby 0.\n\n"
                + "Standings: Real Madrid (Spain) 9 4 5 13");
        assertPeople(tags, List.of("oakes", "venner", "stanmore", "pellow", "kettle", "wrabel", "tobin-marsh"));
        assertEquals("organisation", entity(tags, "unlinked:organisation:harbin").type());
        assertEquals("country", entity(tags, "spain").type());
    }

    @Test
    void shirtNumbersAndPositionsOpenTheNamesOfATeamSheet() {
        Tags tags = tag("Japan held by Syria", "Japan drew 1-1 with Syria in the Asian Cup on Saturday.\n\n"
                + "Japan: 19 - Kenzo Tamuri, 2 - Hiroto Yanagawa, 3 - Naoto Sumaki\n\n"
                + "Syria: 20 - Haddo Kartan; 2 - Agun Setyabar\n\n"
                + "Squad:\n\nGoalkeepers - Blendo Nalla, Armo Grima\n\nDefenders - Rudo Vatta, Saimo Malkin.");
        assertPeople(tags, List.of("kenzo-tamuri", "hiroto-yanagawa", "naoto-sumaki", "haddo-kartan", "agun-setyabar",
                "blendo-nalla", "armo-grima", "rudo-vatta", "saimo-malkin"));
    }

    @Test
    void aSquadNamedBeforeAMatchNeedsNoScoreButAWordOfSport() {
        Tags squad = tag("Albania name squad", "Albania named their squad on Friday for the qualifier in Belfast.\n\n"
                + "Goalkeepers - Blendo Nalla, Armo Grima\n\nDefenders - Rudo Vatta, Saimo Malkin.");
        assertPeople(squad, List.of("blendo-nalla", "armo-grima", "rudo-vatta", "saimo-malkin"));
        assertNoPeople(tag("Rights groups meet", "Rights groups met in Vienna on Friday.\n\n"
                + "Defenders - Rudo Vatta, Saimo Malkin."));
    }

    @Test
    void aScorecardsBatsmenFieldersAndBowlersArePlayersButNotItsExtrasAndTotal() {
        Tags tags = tag("CRICKET - PAKISTAN V NEW ZEALAND SCORECARD",
                "Scoreboard on the first day of the second test match between Pakistan and New Zealand on Friday. "
                        + "New Zealand lead the series 1-0.\n\nPakistan\n\nSaeed Anwrar run out 91\n\n"
                        + "Zahor Elahan b Cairnby 86\n\nIjar Ahmadi c Spearby b Vaughton 59\n\n"
                        + "Extras (lb-8 nb-2) 24\n\nTotal (all out) 231");
        assertPeople(tags, List.of("saeed-anwrar", "zahor-elahan", "cairnby", "ijar-ahmadi", "spearby", "vaughton"));
        assertFalse(tags.entityIds().contains("unlinked:person:extras"), tags.entityIds().toString());
        assertFalse(tags.entityIds().contains("unlinked:person:total"), tags.entityIds().toString());
    }

    @Test
    void outsideASportsStoryTheSameShapesNameNobody() {
        assertNoPeople(tag("Markets", "The index rose 2 (Harkin 225, Dorsey Vale 300) on Friday, and ticker "
                + "19 - Zorvan Tetch, said dealers."));
    }
}
