package io.wiretag.tagging;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.wiretag.story.EntityTag;
import io.wiretag.story.Json;
import io.wiretag.story.Mention;
import io.wiretag.story.Schemas;
import io.wiretag.story.Story;
import io.wiretag.story.Tags;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The name finder on stories written for it: what a reader checks in the TaggedStory. */
class NameFinderTest {
    private static Tagger tagger;

    @BeforeAll
    static void compile() {
        tagger = Tagger.compile(Taxonomy.load(Path.of("config/taxonomy")));
    }

    /** Each of {@code slugs} is tagged as an unlinked entity of {@code type}. */
    private static void assertUnlinked(Tags tags, String type, List<String> slugs) {
        for (String slug : slugs) {
            assertEquals(type, entity(tags, "unlinked:" + type + ":" + slug).type(), slug);
        }
    }

    /**
     * Each of {@code ids} is a club of the gazetteer, linked, and {@code shortNames} are not tagged unlinked:
     * the name finder read them where a team stands, by the clubs' short names ("Porto" for FC Porto).
     */
    private static void assertClubs(Tags tags, List<String> ids, List<String> shortNames) {
        for (String id : ids) {
            EntityTag club = entity(tags, id);
            assertEquals("organisation", club.type(), id);
            assertEquals(Boolean.TRUE, club.linked(), id);
        }
        for (String slug : shortNames) {
            assertNotTagged(tags, "unlinked:organisation:" + slug);
        }
    }

    private static void assertNotTagged(Tags tags, String id) {
        assertFalse(tags.entityIds().contains(id), id + " tagged: " + tags.entityIds());
    }

    /** None of {@code slugs} is tagged under {@code prefix} ("unlinked:person:"). */
    private static void assertNoneTagged(Tags tags, String prefix, List<String> slugs) {
        for (String slug : slugs) {
            assertNotTagged(tags, prefix + slug);
        }
    }

    private static EntityTag entity(Tags tags, String id) {
        return tags.entities().stream().filter(e -> e.id().equals(id)).findFirst()
                .orElseThrow(() -> new AssertionError(id + " not tagged; got " + tags.entityIds()));
    }

    @Test
    void aSurnameLaterInTheStoryIsTheSamePersonAndIsMarkedUnlinked() {
        String body = "Opposition leader Ivan Drozdovsky spoke in Lutsk on Monday. Drozdovsky said he would run again.";
        Tags tags = tagger.tag(NameFinderSetTest.story("c", "2010-01-01", "Drozdovsky to run", body));
        EntityTag p = entity(tags, "unlinked:person:ivan-drozdovsky");
        assertEquals("Ivan Drozdovsky", p.name());
        assertEquals("person", p.type());
        assertFalse(p.linked());
        assertEquals(null, p.wikidata());
        int second = body.indexOf("Drozdovsky said");
        assertEquals(List.of(new Mention("headline", 0, 10, "Drozdovsky"),
                new Mention("body", body.indexOf("Ivan"), body.indexOf("Ivan") + 15, "Ivan Drozdovsky"),
                new Mention("body", second, second + 10, "Drozdovsky")), p.mentions());
        assertEquals("place", entity(tags, "unlinked:place:lutsk").type());
        assertTrue(entity(tags, "unlinked:place:lutsk").relevance() < p.relevance());
    }

    @Test
    void anAmpersandAndAnAndBeforeAHeadWordAreInsideOneOrganisationsName() {
        String body = "Toyo Trust & Banking Co cut its forecast, and Kolvex Marketing & Promotions Inc was sold. "
                + "Regulators referred the deal to the Monopolies and Mergers Commission, while Nippon Telegraph and "
                + "Telephone Corp said nothing. The Finance Ministry and Central Bank of Lesotho disagreed. Mr Grover "
                + "once ran Retail Fusion Brands and Dymocks Group.";
        Tags tags = tagger.tag(NameFinderSetTest.story("amp", "1996-12-06", "Deals", body));
        assertUnlinked(tags, "organisation", List.of("toyo-trust-banking-co", "kolvex-marketing-promotions-inc",
                "monopolies-and-mergers-commission", "nippon-telegraph-and-telephone-corp", "finance-ministry",
                "central-bank-of-lesotho"));
        assertEquals("Toyo Trust & Banking Co", entity(tags, "unlinked:organisation:toyo-trust-banking-co").name());
        // A head word before "and" makes two names of the two sides.
        assertNotTagged(tags, "unlinked:organisation:finance-ministry-and-central-bank-of-lesotho");
        assertNotTagged(tags, "unlinked:organisation:mergers-commission");
        // Three words before "and" are more likely a company's name of its own.
        assertNotTagged(tags, "unlinked:organisation:retail-fusion-brands-and-dymocks-group");
    }

    @Test
    void aPlaceIsToldByItsHyphenedParticleByWhereItIsAndByAJourney() {
        String body = "Jens Stoltenberg opened the summit at Watford, near London. France remembered de Gaulle at "
                + "Colombey-les-Deux-Eglises and the pilgrims reached Stratford-upon-Avon. Navalny fell ill on a flight "
                + "from Surgut; hundreds fled to Zaporizhzhia. Troops massed at Yelnya, north-west of Smolensk.";
        Tags tags = tagger.tag(NameFinderSetTest.story("places", "2020-08-20", "Journeys", body));
        assertUnlinked(tags, "place", List.of("watford", "colombey-les-deux-eglises", "stratford-upon-avon", "surgut", "yelnya"));
        // A company one returns to is no place: only travel words make "to" a place cue.
        Tags ceo = tagger.tag(NameFinderSetTest.story("ceo", "2020-08-20", "Returns", "Mr Dorsey returned to Quillcorp."));
        assertNotTagged(ceo, "unlinked:place:quillcorp");
    }

    @Test
    void anUnknownNameAfterAnOrganisationAndAndIsAnOrganisationToo() {
        String body = "Siberian Coal Energy Corp and Mechel agreed to talks, a spokesman for Mechel said.";
        Tags tags = tagger.tag(NameFinderSetTest.story("coord", "2008-05-06", "Merger talks", body));
        assertUnlinked(tags, "organisation", List.of("siberian-coal-energy-corp", "mechel"));
        assertEquals(2, entity(tags, "unlinked:organisation:mechel").mentions().size());
    }

    @Test
    void stFtAndMtJoinThePlaceNameAfterTheirFullStop() {
        String body = "The river crested near St. Louis on Friday. Residents of Ft. Myers and Mt. Vernon were spared, "
                + "said actress Jill St. John, who grew up in St Paul.";
        Tags tags = tagger.tag(NameFinderSetTest.story("st", "2019-06-01", "River crests", body));
        assertUnlinked(tags, "place", List.of("st-louis", "ft-myers", "mt-vernon", "st-paul"));
        assertEquals(List.of(new Mention("body", body.indexOf("St. Louis"), body.indexOf("St. Louis") + 9, "St. Louis")),
                entity(tags, "unlinked:place:st-louis").mentions());
        assertEquals("person", entity(tags, "unlinked:person:jill-st-john").type());
        assertNotTagged(tags, "unlinked:person:louis");
    }

    @Test
    void aPlaceCueCountsForTheSecondOfTwoPlacesJoinedByAndOrOr() {
        String body = "Water rose in Tiptonville and Ridgely on Monday, and levees near Wickliffe or Barlow may fail. "
                + "Officials in Hickman and Governor Andy Beshear met.";
        Tags tags = tagger.tag(NameFinderSetTest.story("and", "2011-05-01", "River rises", body));
        assertUnlinked(tags, "place", List.of("tiptonville", "ridgely", "wickliffe", "barlow", "hickman"));
        // A person after "and" stays a person.
        assertEquals("person", entity(tags, "unlinked:person:andy-beshear").type());
        assertNotTagged(tags, "unlinked:place:andy-beshear");
    }

    @Test
    void citiesAndTheNationsOfTheUnitedKingdomAreLinkedPlacesButNotInsideTheNamesOfBodies() {
        String body = "BRUSSELS 1996-08-22\n\nSheep farmers in Wales and Scotland said prices fell, the Bank of England "
                + "and the Church of Scotland said in Edinburgh, and ministers met in Geneva and Munich. "
                + "A team from New South Wales flew to Sydney.";
        Tags tags = tagger.tag(NameFinderSetTest.story("uk", "1996-08-22", "Farm prices fall", body));
        for (String place : List.of("brussels", "wales", "scotland", "edinburgh", "geneva", "munich", "sydney")) {
            EntityTag e = entity(tags, place);
            assertEquals("place", e.type(), place);
            assertTrue(e.linked(), place);
        }
        assertEquals(1, entity(tags, "scotland").mentions().size(), "the Church of Scotland is not Scotland");
        assertEquals(1, entity(tags, "wales").mentions().size(), "New South Wales is not Wales");
        assertEquals("organisation", entity(tags, "bank-of-england").type(), "the gazetteer's, and not England");
        assertNotTagged(tags, "england");
    }

    @Test
    void aDatelineWithTheArchivesDateIsAPlaceAndASportIsNone() {
        // As a plain-text wire gives it: the headline again, the byline, then the dateline on a line of its own.
        String body = "SOCCER - LEADERS HELD AT HOME\n\nDerek Jones\n\nMANCHESTER 1996-12-07\n\nThe leaders were held to a "
                + "draw on Saturday, Coventry 1996-12-07 said nothing.";
        Tags tags = tagger.tag(NameFinderSetTest.story("sport", "1996-12-07", "SOCCER - LEADERS HELD AT HOME", body));
        assertEquals("place", entity(tags, "unlinked:place:manchester").type());
        assertEquals("person", entity(tags, "unlinked:person:derek-jones").type());
        assertFalse(tags.entityIds().contains("unlinked:place:coventry"), "not a line of its own: " + tags.entityIds());
        assertNotTagged(tags, "unlinked:place:soccer");
        assertNotTagged(tags, "unlinked:organisation:soccer");
    }

    @Test
    void aCityAfterAGivenNameIsTheSurnameOfAPerson() {
        String body = "Shearer scored but Dion Dublin equalised for Coventry. The novels of Jack London sold well in Dublin and London.";
        Tags tags = tagger.tag(NameFinderSetTest.story("dublin", "1996-12-07", "Coventry draw", body));
        assertEquals("person", entity(tags, "unlinked:person:dion-dublin").type());
        assertEquals("person", entity(tags, "unlinked:person:jack-london").type());
        assertEquals(List.of("Dublin"), entity(tags, "dublin").mentions().stream().map(Mention::text).toList());
        assertEquals(List.of("London"), entity(tags, "london").mentions().stream().map(Mention::text).toList());
    }

    @Test
    void aPluralsApostropheDoesNotEndAnOrganisationsName() {
        String body = "Jim Hope of the National Farmers' Union said prices fell. The Transport Workers\u2019 Union denied it.";
        Tags tags = tagger.tag(NameFinderSetTest.story("nfu", "1996-08-22", "Prices fall", body));
        assertEquals(List.of("National Farmers' Union"),
                entity(tags, "unlinked:organisation:national-farmers-union").mentions().stream().map(Mention::text).toList());
        assertEquals("organisation", entity(tags, "unlinked:organisation:transport-workers-union").type());
    }

    @Test
    void inASportsStoryANameWhereATeamStandsIsAnOrganisation() {
        String body = "Newcastle were held to a 1-1 draw at home by Coventry on Saturday, while Bristol Rovers "
                + "lost to Leicester in the League Cup. Alan Shearer put Newcastle ahead but Dion Dublin equalised for "
                + "Coventry. Newcastle manager Kevin Keegan said Shearer beat two defenders for the goal. "
                + "Chelsea play Tottenham Hotspur on Sunday.";
        Tags tags = tagger.tag(NameFinderSetTest.story("soccer", "1996-12-07", "Newcastle held", body));
        assertUnlinked(tags, "organisation", List.of("bristol-rovers"));
        // Named by their towns, the clubs the gazetteer knows are linked ("Newcastle" is Newcastle United).
        assertClubs(tags, List.of("newcastle-united", "coventry-city", "leicester-city"), List.of("newcastle", "coventry", "leicester"));
        assertEquals(4, entity(tags, "newcastle-united").mentions().size(), "with the headline's");
        // A player's surname stays the player's; a team with no team word beside it is not guessed.
        assertEquals(List.of("Alan Shearer", "Shearer"),
                entity(tags, "unlinked:person:alan-shearer").mentions().stream().map(Mention::text).toList());
        assertNotTagged(tags, "unlinked:organisation:chelsea");
    }

    @Test
    void outsideASportsStoryTheSameWordsTypeNoTeam() {
        String body = "Talks in Vienna lost momentum. Officials said Kharkiv governor Oleh Syniehubov beat expectations "
                + "and Bessemer manager Paul Drake resigned.";
        Tags tags = tagger.tag(NameFinderSetTest.story("notsport", "2024-05-01", "Talks stall", body));
        assertNotTagged(tags, "unlinked:organisation:bessemer");
    }

    @Test
    void anAcronymIsTheOrganisationTheStoryNamesInFullWithItsInitials() {
        String body = "The National Weather Service issued a flood warning. The NWS said the river would crest on "
                + "Friday. Lubbers's Christian Democratic Alliance (CDA) and the Flemish Christian Workers Union (CWU) met.";
        Tags tags = tagger.tag(NameFinderSetTest.story("nws", "2016-01-01", "Flood warning", body));
        EntityTag nws = entity(tags, "unlinked:organisation:national-weather-service");
        assertEquals(List.of("National Weather Service", "NWS"), nws.mentions().stream().map(Mention::text).toList());
        assertEquals(List.of("Christian Democratic Alliance", "CDA"),
                entity(tags, "unlinked:organisation:christian-democratic-alliance").mentions().stream().map(Mention::text).toList());
        // The name finder keeps the adjective before an organisation's name; the acronym leaves it out.
        assertEquals(List.of("Flemish Christian Workers Union", "CWU"),
                entity(tags, "unlinked:organisation:flemish-christian-workers-union").mentions().stream().map(Mention::text).toList());
        assertNotTagged(tags, "unlinked:organisation:nws");
        // Two organisations with the same initials: the acronym stays itself.
        Tags two = tagger.tag(NameFinderSetTest.story("nwc", "2016-01-01", "Water",
                "The National Water Company and the Northern Wheat Company disagreed. NWC said it would appeal."));
        assertTrue(two.entityIds().contains("unlinked:organisation:nwc"), two.entityIds().toString());
    }

    @Test
    void abbreviationsOfMarketsTimesAndScoresAreNoOrganisations() {
        Tags market = tagger.tag(NameFinderSetTest.story("gdr", "2024-12-06", "Tin miner's shares slip",
                "Shares of the miner closed at $15.575 per GDR in London on Friday, and its ADR fell at 1230 CST. "
                        + "NOTE - prices are FOB the mine. The ZNB said it would review the sector."));
        for (String abbreviation : List.of("gdr", "adr", "cst", "note", "fob")) {
            assertNotTagged(market, "unlinked:organisation:" + abbreviation);
        }
        assertTrue(market.entityIds().contains("unlinked:organisation:znb"),
                "an acronym no list knows is still an organisation: " + market.entityIds());
        Tags game = tagger.tag(NameFinderSetTest.story("td", "2024-12-06", "Colts win in overtime",
                "Marshall Faulk carried 16 times, including a 13-yard TD run, as the Colts won 24-21 (OT) in the league."));
        assertNotTagged(game, "unlinked:organisation:td");
        assertNotTagged(game, "unlinked:organisation:ot");
    }

    @Test
    void aTaggedStoryWithUnlinkedEntitiesMatchesTheSchema() throws Exception {
        Story s = NameFinderSetTest.story("s", "2004-11-22", "Yushchenko rallies supporters",
                "Viktor Yushchenko told supporters of Our Ukraine Party in Ternopil that Mr Yanukovych had lost.");
        Story tagged = s.withTags(tagger.tag(s));
        assertTrue(tagged.tags().entities().stream().anyMatch(e -> !e.linked()), () -> tagged.tags().entityIds().toString());
        assertEquals(List.of(), Schemas.problems(Schemas.TAGGED, Json.MAPPER.readTree(Json.bytes(tagged))));
        assertTrue(new String(Json.bytes(tagged), java.nio.charset.StandardCharsets.UTF_8).contains("\"linked\":false"));
    }

    @Test
    void competitionsAreEventsAndAnotherContinentsChampionsLeagueIsItsOwn() {
        String body = "Real Madrid reached the Champions League final on Wednesday, a week after Urawa won the Asian "
                + "Champions League. The World Cup qualifiers resume in June, after the Tour de France.";
        Tags tags = tagger.tag(NameFinderSetTest.story("c", "2024-05-01", "Real reach final", body));
        assertEquals("event", entity(tags, "uefa-champions-league").type());
        assertEquals(List.of(new Mention("body", body.indexOf("Asian"), body.indexOf(". The"), "Asian Champions League")),
                entity(tags, "afc-champions-league").mentions());
        assertEquals(1, entity(tags, "uefa-champions-league").mentions().size(), () -> tags.entities().toString());
        assertTrue(tags.entityIds().containsAll(List.of("fifa-world-cup", "tour-de-france")), tags.entityIds().toString());
        assertNotTagged(tags, "france");
        assertNotTagged(tags, "unlinked:organisation:champions-league");
        // "World Cup" alone is football's only with a cue of football near it.
        Tags skiing = tagger.tag(NameFinderSetTest.story("s", "2024-01-10", "Downhill",
                "She won the downhill, her third World Cup race of the winter, on a hard course."));
        assertNotTagged(skiing, "fifa-world-cup");
    }

    @Test
    void presidentBushIsTheFatherIn1991TheSonIn2004AndWithoutADateTheExplanationSaysSo() {
        assertTrue(tagger.tag(NameFinderSetTest.story("a", "1991-07-31", "Summit", "President Bush arrived."))
                .entityIds().contains("george-h-w-bush"));
        assertTrue(tagger.tag(NameFinderSetTest.story("b", "2004-06-01", "Summit", "President Bush arrived."))
                .entityIds().contains("george-w-bush"));
        String report = tagger.explain(NameFinderSetTest.story("n", "", "Summit", "President Bush arrived.")).render();
        assertTrue(report.contains("the story has no date"), report);
    }

    @Test
    void theWarTopicIgnoresStoriesDatedBeforeIt() {
        String body = "Russian forces shelled Ukrainian positions and missiles struck Kharkiv, killing ten.";
        assertTrue(tagger.tag(NameFinderSetTest.story("w1", "2022-05-01", "Strikes", body)).topicIds().contains("ukraine-war"));
        Story old = NameFinderSetTest.story("w0", "2009-05-01", "Strikes", body);
        assertFalse(tagger.tag(old).topicIds().contains("ukraine-war"));
        assertTrue(tagger.explain(old).render().contains("not this topic: the story is dated 2009-05-01, before 2014-02-20"));
    }

    @Test
    void textInCapitalsAndCommonWordsAreNotNames() {
        Tags caps = tagger.tag(NameFinderSetTest.story("k", "1992-01-01", "MARKETS CLOSE HIGHER",
                "SHARES ROSE ON MONDAY AS TRADERS BOUGHT BANK STOCKS AFTER THE HOLIDAY."));
        assertTrue(caps.entities().stream().allMatch(EntityTag::linked), () -> caps.entityIds().toString());
        Tags common = tagger.tag(NameFinderSetTest.story("m", "2020-01-01", "The Week Ahead In Markets",
                "On Monday the markets open. However, In January trading is slow."));
        assertEquals(List.of(), common.entityIds());
    }

    @Test
    void aLoneSurnameOfAKnownPersonIsThatPersonNotAnUnlinkedOne() {
        String body = "Secretary of State Colin Powell met Russian officials. Mr Powell said the talks were useful.";
        Tags tags = tagger.tag(NameFinderSetTest.story("p", "2003-02-01", "Talks", body));
        assertEquals(2, entity(tags, "colin-powell").mentions().size(), () -> tags.entities().toString());
        assertTrue(tags.entities().stream().allMatch(EntityTag::linked), () -> tags.entityIds().toString());
    }

    @Test
    void theFirstWordOfAKnownOrganisationNamedInFullIsThatOrganisation() {
        String body = "Shares in Norilsk Nickel rose on Monday. Norilsk said output grew, and Goldman Sachs raised its "
                + "target. Goldman expects higher prices.";
        Tags tags = tagger.tag(NameFinderSetTest.story("n", "2024-03-04", "Metals", body));
        int said = body.indexOf("Norilsk said");
        assertEquals(List.of(new Mention("body", 10, 24, "Norilsk Nickel"), new Mention("body", said, said + 7, "Norilsk")),
                entity(tags, "norilsk-nickel").mentions());
        assertEquals(2, entity(tags, "goldman-sachs").mentions().size(), () -> tags.entities().toString());
        assertTrue(tags.entities().stream().allMatch(EntityTag::linked), () -> tags.entityIds().toString());
        // Without the full name in the story the word is no mention of it; and a word of the lists that opens a
        // name ("Bank" of "Bank of Russia") is no short name.
        Tags alone = tagger.tag(NameFinderSetTest.story("a", "2024-03-04", "Metals", "Norilsk said output grew."));
        assertNotTagged(alone, "norilsk-nickel");
        String bank = "The Bank of Russia raised rates. Bank officials said inflation was high.";
        Tags rates = tagger.tag(NameFinderSetTest.story("b", "2024-03-04", "Rates", bank));
        assertEquals(1, entity(rates, "bank-of-russia").mentions().size(), () -> rates.entities().toString());
    }

    @Test
    void inStandingsInCapitalsTheNamesThatOpenARowOfNumbersAreTheTeams() {
        // A row a paragraph, as the wires' agate comes (one <p> or line a row).
        String body = String.join("\n\n", "STANDINGS OF THE NORTHERN ICE HOCKEY LEAGUE AFTER SATURDAY'S GAMES:",
                "WESTERN DIVISION", "W L T PTS", "HARBOUR SHARKS 14 5 2 30", "VALLEY BEARS 11 8 2 24",
                "COASTAL KINGS 9 10 2 20", "SATURDAY'S RESULTS", "HARBOUR SHARKS 4 COASTAL KINGS 2");
        Tags tags = tagger.tag(NameFinderSetTest.story("h", "1998-01-11", "ICE HOCKEY - LEAGUE STANDINGS", body));
        assertUnlinked(tags, "organisation", List.of("harbour-sharks", "valley-bears", "coastal-kings"));
        assertEquals(2, entity(tags, "unlinked:organisation:harbour-sharks").mentions().size(), tags.entityIds().toString());
        // Headings and the columns' letters open no row of numbers: no name.
        assertEquals(3, tags.entities().size(), tags.entityIds().toString());
        // Outside sport a table in capitals names nothing: its words are read as headings are.
        Tags votes = tagger.tag(NameFinderSetTest.story("v", "1998-01-11", "COUNCIL ELECTION RESULTS",
                String.join("\n\n", "VOTES CAST IN THE COUNCIL ELECTION ON SATURDAY:", "HARBOUR WARD 1204 998 76",
                        "VALLEY WARD 877 1010 54")));
        assertEquals(List.of(), votes.entityIds());
    }

    @Test
    void untypedNamesInAListOfPeopleArePeople() {
        String body = "The coach named his team for the final: Robert Keane, Quennell Ashworth, Brian Tolley, "
                + "Oyelaran Brightwell and Carl Hooper.";
        Tags tags = tagger.tag(NameFinderSetTest.story("t", "1997-05-02", "Team named", body));
        assertUnlinked(tags, "person", List.of("robert-keane", "quennell-ashworth", "brian-tolley",
                "oyelaran-brightwell", "carl-hooper"));
        // One person in the list is no list of people; nor is one with a firm in it.
        Tags one = tagger.tag(NameFinderSetTest.story("o", "1997-05-02", "Bids",
                "Bids came from Robert Keane, Quennell Ashworth and Oyelaran Brightwell."));
        assertNotTagged(one, "unlinked:person:quennell-ashworth");
        Tags firms = tagger.tag(NameFinderSetTest.story("f", "1997-05-02", "Bids",
                "Bids came from Robert Keane, Brian Tolley, Quennell Ashworth and Harbour Holdings Inc."));
        assertNotTagged(firms, "unlinked:person:quennell-ashworth");
    }

    @Test
    void anotherSpellingOfAKnownPersonsGivenNameIsStillTheirs() {
        // The gazetteer writes "Valerii Zaluzhnyi" (and knows "Zaluzhny"); the wires write "Valery" and "Valeriy".
        String body = "Gen. Valery Zaluzhny spoke to CNN. Valeriy Zaluzhny said the front held.";
        Tags tags = tagger.tag(NameFinderSetTest.story("z", "2023-11-02", "Front", body));
        assertEquals(List.of("Valery Zaluzhny", "Valeriy Zaluzhny"),
                entity(tags, "valerii-zaluzhnyi").mentions().stream().map(Mention::text).toList());
        assertNotTagged(tags, "unlinked:person:valery-zaluzhny");
    }

    @Test
    void aKnownSurnameAfterAnotherGivenNameIsSomeoneElse() {
        String body = "Jill Biden visited a school in Delaware. President Joe Biden stayed in Washington, and Biden "
                + "spoke to reporters later.";
        Tags tags = tagger.tag(NameFinderSetTest.story("j", "2023-05-02", "Visit", body));
        assertUnlinked(tags, "person", List.of("jill-biden"));
        assertEquals(2, entity(tags, "joe-biden").mentions().size(), () -> tags.entities().toString());
        Tags aspin = tagger.tag(NameFinderSetTest.story("a", "2023-05-02", "Report",
                "Chris Aspin reported from Mexico City."));
        assertNotTagged(aspin, "les-aspin");
        assertUnlinked(aspin, "person", List.of("chris-aspin"));
        // A given name the person goes by in one of its names keeps a spelling of the surname theirs
        // ("Volodymyr Zelenskyy" is a name; "Volodymyr Zelenskii" is not, but "Zelenskii" is).
        Tags spelt = tagger.tag(NameFinderSetTest.story("z", "2023-05-02", "Visit", "Volodymyr Zelenskii visited Kharkiv."));
        assertEquals(1, entity(spelt, "volodymyr-zelenskyy").mentions().size(), () -> spelt.entities().toString());
    }

    @Test
    void anOrganisationThatOpensWithACountryIsReadWithItAndTheCountryCountsInsideIt() {
        String body = "Officials of the South African Breweries Ltd met the Pan American Health Organization on Monday. "
                + "South Africa said the talks went well.";
        Tags tags = tagger.tag(NameFinderSetTest.story("s", "1996-12-06", "Talks", body));
        assertUnlinked(tags, "organisation", List.of("south-african-breweries-ltd", "pan-american-health-organization"));
        assertNotTagged(tags, "unlinked:organisation:breweries-ltd");
        assertNotTagged(tags, "unlinked:organisation:health-organization");
        // The country still counts for what its demonym inside the name says (topic rules count a country's bodies
        // for it), listed apart: the words read into the longer name are no name of their own.
        assertEquals(List.of("South Africa"), entity(tags, "south-africa").mentions().stream().map(Mention::text).toList());
        assertEquals(List.of(), entity(tags, "south-africa").demonyms(), () -> tags.entities().toString());
        int sab = body.indexOf("South African");
        assertEquals(List.of(new Mention("body", sab, sab + 13, "South African")), entity(tags, "south-africa").inside());
        assertEquals(1, entity(tags, "unlinked:organisation:pan-american-health-organization").mentions().size());
        // A name a rule typed before the country is no part of the organisation's.
        Tags keane = tagger.tag(NameFinderSetTest.story("k", "1996-12-06", "Cases",
                "Analyst Robert Keane American Health Organization staff said cases rose."));
        assertUnlinked(keane, "person", List.of("robert-keane"));
        assertUnlinked(keane, "organisation", List.of("american-health-organization"));
    }

    @Test
    void aCountryInsideAnOrganisationsNameCountsForTheCountryApartFromItsMentions() throws Exception {
        String body = "The chairman of the Rubber Board of India said on Friday that exports would rise. Three Irish "
                + "Republican Army bombs were found, and the Albanian Football Association suspended its secretary. "
                + "Singapore Newsroom reported that China Airlines flew on. India said more.";
        Story s = NameFinderSetTest.story("rb", "1996-12-06", "Rubber exports", body);
        Tags tags = tagger.tag(s);
        assertUnlinked(tags, "organisation", List.of("rubber-board-of-india", "irish-republican-army",
                "albanian-football-association", "singapore-newsroom", "china-airlines"));
        int india = body.indexOf("of India") + 3;
        int said = body.lastIndexOf("India said");
        EntityTag i = entity(tags, "india");
        assertEquals(List.of(new Mention("body", said, said + 5, "India")), i.mentions(), "the country named on its own");
        assertEquals(List.of(new Mention("body", india, india + 5, "India")), i.inside());
        assertEquals(List.of(), entity(tags, "china").mentions());
        assertEquals(List.of("China"), entity(tags, "china").inside().stream().map(Mention::text).toList());
        assertEquals(List.of("Irish"), entity(tags, "ireland").inside().stream().map(Mention::text).toList());
        // In the record: a field of its own, which the schema knows and which reads back as written.
        Story tagged = s.withTags(tags);
        byte[] json = Json.bytes(tagged);
        assertEquals(List.of(), Schemas.problems(Schemas.TAGGED, Json.MAPPER.readTree(json)));
        assertTrue(new String(json, java.nio.charset.StandardCharsets.UTF_8).contains("\"inside\":[{\"field\":\"body\""));
        assertEquals(tagged.tags(), Json.MAPPER.readValue(json, Story.class).tags());
    }

    @Test
    void aPlaceOpeningTheNameOfAnEventOrACollegesTeamIsNamedInsideIt() {
        String golf = "Leading scores in the Zimbabwe Open on Friday. Moves by the old Warsaw Pact worried NATO. "
                + "Els flew on to Zimbabwe.";
        Tags g = tagger.tag(NameFinderSetTest.story("z", "1996-12-06", "Golf", golf));
        int open = golf.indexOf("Zimbabwe Open");
        int to = golf.lastIndexOf("Zimbabwe");
        assertEquals(List.of(new Mention("body", to, to + 8, "Zimbabwe")), entity(g, "zimbabwe").mentions());
        assertEquals(List.of(new Mention("body", open, open + 8, "Zimbabwe")), entity(g, "zimbabwe").inside());
        assertEquals(List.of("Warsaw"), entity(g, "warsaw").inside().stream().map(Mention::text).toList());
        // The headline, in capitals, names what the body names.
        Tags caps = tagger.tag(NameFinderSetTest.story("zc", "1996-12-06", "GOLF - ZIMBABWE OPEN SECOND ROUND SCORES", golf));
        assertEquals(List.of(new Mention("headline", 7, 15, "ZIMBABWE"), new Mention("body", open, open + 8, "Zimbabwe")),
                entity(caps, "zimbabwe").inside());
        String football = "Ohio State left tackle Orlando Pace won the award. Pace helped Ohio State to a 10-1 record, "
                + "and Virginia Tech lost 21-14 in the league. The team flew home to Ohio.";
        Tags f = tagger.tag(NameFinderSetTest.story("o", "1996-12-05", "Pace wins again", football));
        assertUnlinked(f, "organisation", List.of("ohio-state", "virginia-tech"));
        assertEquals(2, entity(f, "unlinked:organisation:ohio-state").mentions().size());
        assertEquals(List.of("Ohio"), entity(f, "ohio").mentions().stream().map(Mention::text).toList(), "only the state itself");
        // Outside a sports page "Ohio State" is the state, as "New York State" is.
        Tags news = tagger.tag(NameFinderSetTest.story("n", "1996-12-05", "Budget", "Ohio State lawmakers passed the budget."));
        assertEquals(1, entity(news, "ohio").mentions().size(), news.entityIds().toString());
    }

    @Test
    void aCountryInACompoundWordIsListedApartAndStillCountsForTopics() {
        String body = "UK-US open skies talks ended. The U.S.-based group said Russian forces struck Kyiv again "
                + "on Monday as the Russia-Ukraine war entered its third year; Ukraine asked for air defence.";
        Tags tags = tagger.tag(NameFinderSetTest.story("c", "2024-03-04", "Strikes on Kyiv", body));
        assertEquals(List.of(), entity(tags, "united-kingdom").mentions());
        assertEquals(List.of(new Mention("body", 0, 2, "UK")), entity(tags, "united-kingdom").inside());
        assertEquals(List.of("US", "U.S."), entity(tags, "united-states").inside().stream().map(Mention::text).toList());
        assertEquals(List.of("Ukraine"), entity(tags, "ukraine").mentions().stream().map(Mention::text).toList(),
                "the country named on its own");
        assertEquals(List.of("Ukraine"), entity(tags, "ukraine").inside().stream().map(Mention::text).toList());
        assertTrue(tags.topicIds().contains("ukraine-war"), "counted for the topic rules as before: " + tags.topicIds());
        // A person or an organisation there too: the story names the meeting, the game.
        Tags pair = tagger.tag(NameFinderSetTest.story("p", "1996-12-06", "Talks",
                "Egypt urged an Arafat-Netanyahu meeting before Saturday's Real Madrid-Barcelona game. Netanyahu declined."));
        assertEquals(List.of("Netanyahu"), entity(pair, "benjamin-netanyahu").inside().stream().map(Mention::text).toList());
        assertEquals(List.of("Netanyahu"), entity(pair, "benjamin-netanyahu").mentions().stream().map(Mention::text).toList());
        assertEquals(List.of(), entity(pair, "real-madrid").mentions());
        assertEquals(List.of("Real Madrid"), entity(pair, "real-madrid").inside().stream().map(Mention::text).toList());
    }

    @Test
    void anAcronymGivenInParenthesesAfterAnOrganisationIsItsWhereverTheStoryWritesIt() {
        String body = "She rejoined the far-right National Alliance (AN) party, and AN leader Gianfranco Fini welcomed her. "
                + "An official said AN's members agreed.";
        Tags tags = tagger.tag(NameFinderSetTest.story("an", "1996-12-06", "Mussolini returns", body));
        assertEquals(List.of("National Alliance", "AN", "AN", "AN"),
                entity(tags, "unlinked:organisation:national-alliance").mentions().stream().map(Mention::text).toList(),
                "the acronym, and where it is written in capitals, though \"an\" is a common word, name the organisation");
        assertNotTagged(tags, "unlinked:organisation:an");
        Tags none = tagger.tag(NameFinderSetTest.story("n", "1996-12-06", "Talks", "AN official said talks went well."));
        assertNotTagged(none, "unlinked:organisation:an");
    }

    @Test
    void wordsOfPeoplesCreedsLanguagesTheHolocaustAndACompetitionsGroupAreNoPlaces() {
        Tags tags = tagger.tag(NameFinderSetTest.story("f", "1996-12-06", "Feud",
                "Three dead in Kurd militia blood feud in Turkey. Many belonged to Polish Jews who died in the Holocaust. "
                        + "Speaking in Arabic, he stood near Moslem sites in Jerusalem. The Kurdish Workers Party denied it."));
        assertNoneTagged(tags, "unlinked:place:", List.of("kurd", "holocaust", "arabic", "moslem"));
        assertUnlinked(tags, "organisation", List.of("kurdish-workers-party"));
        // A competition's group or pool after "in" is no place either.
        Tags cup = tagger.tag(NameFinderSetTest.story("c", "1996-12-07", "Cup",
                "Japan and South Korea take on Indonesia on Saturday in Group A matches. Italy play in Pool B next week."));
        assertNotTagged(cup, "unlinked:place:group");
        assertNotTagged(cup, "unlinked:place:pool-b");
    }

    @Test
    void aTrophyOrAPlanNamedAfterSomeoneIsNoPersonAndATurkishSporIsAClub() {
        Tags tags = tagger.tag(NameFinderSetTest.story("t", "1996-12-06", "Cups",
                "France beat Sweden in the Davis Cup final. The Stanley Cup returns to Toronto, and the Sheffield Shield "
                        + "match began. Ulker Spor (Turkey) 9 4 5 13."));
        assertNoneTagged(tags, "unlinked:person:", List.of("davis-cup", "stanley-cup", "sheffield-shield", "ulker-spor"));
        assertUnlinked(tags, "organisation", List.of("ulker-spor"));
        Tags people = tagger.tag(NameFinderSetTest.story("p", "1996-12-06", "Coach", "Stanley Davis coached the side."));
        assertUnlinked(people, "person", List.of("stanley-davis"));
        // Nor a plan; a race named after a country is inside its name; a model's letters are no organisation.
        Tags more = tagger.tag(NameFinderSetTest.story("m", "2024-05-27", "Race",
                "Max Verstappen won the Monaco Grand Prix. The Marshall Plan helped Europe. The Boeing 737 MAX was grounded."));
        assertUnlinked(more, "person", List.of("max-verstappen"));
        assertNotTagged(more, "unlinked:person:marshall-plan");
        assertNotTagged(more, "unlinked:organisation:max");
        assertEquals(List.of(), entity(more, "monaco").mentions());
        assertEquals(List.of("Monaco"), entity(more, "monaco").inside().stream().map(Mention::text).toList());
    }

    @Test
    void anAmpersandAHeadWordTheWordOfThePressAfterOrDeutscheFirstMakeACompanyNotAPerson() {
        Tags tags = tagger.tag(NameFinderSetTest.story("c", "2024-05-02", "Earnings",
                "Philip Morris International fell, Marks & Spencer cut jobs and Ernst & Young audited the accounts."));
        assertUnlinked(tags, "organisation", List.of("philip-morris-international", "marks-spencer", "ernst-young"));
        Tags press = tagger.tag(NameFinderSetTest.story("p", "1996-12-06", "Blast",
                "The official TASR news agency said windows blew out. Relatives smoked for hours, the Wen Hui Bao "
                        + "newspaper said. The John Lewis Partnership said sales rose. Henry Hub futures fell."));
        assertUnlinked(press, "organisation", List.of("tasr", "wen-hui-bao", "john-lewis-partnership"));
        assertUnlinked(press, "place", List.of("henry-hub"));
        assertNoneTagged(press, "unlinked:person:", List.of("tasr", "wen-hui-bao", "john-lewis-partnership", "henry-hub"));
        Tags opened = tagger.tag(NameFinderSetTest.story("d", "2024-05-02", "Strike",
                "Deutsche Bahn trains stopped in Frankfurt, and Banco Sabadell shares fell."));
        assertUnlinked(opened, "organisation", List.of("deutsche-bahn", "banco-sabadell"));
        assertNotTagged(tags, "unlinked:person:philip-morris");
        assertNotTagged(tags, "unlinked:person:ernst-young");
    }

    @Test
    void theWordsAnAcronymInParenthesesSpellsAreOneOrganisation() {
        String body = "A court convicted General Antoine Lahd, head of the South Lebanon Army (SLA), of collaborating "
                + "with Israel. Nippon Telegraph and Telephone Corp (NTT) said on Friday it would split. The SLA denied it.";
        Tags tags = tagger.tag(NameFinderSetTest.story("s", "1996-12-06", "Verdict", body));
        assertEquals(List.of("South Lebanon Army", "SLA", "SLA"),
                entity(tags, "unlinked:organisation:south-lebanon-army").mentions().stream().map(Mention::text).toList());
        assertEquals(List.of("Lebanon"), entity(tags, "lebanon").inside().stream().map(Mention::text).toList());
        Tags isi = tagger.tag(NameFinderSetTest.story("i", "2024-05-02", "Denial",
                "Pakistan's Inter-Services Intelligence (ISI) denied it. The ISI said nothing more."));
        assertEquals(List.of("Inter-Services Intelligence", "ISI", "ISI"),
                entity(isi, "unlinked:organisation:inter-services-intelligence").mentions().stream().map(Mention::text).toList());
        assertEquals("Nippon Telegraph and Telephone Corp",
                entity(tags, "unlinked:organisation:nippon-telegraph-and-telephone-corp").mentions().get(0).text());
        // Letters that are not the words' initials in their order spell nothing (the French "ALS").
        Tags other = tagger.tag(NameFinderSetTest.story("o", "1996-12-06", "Verdict",
                "A court convicted the head of the South Lebanon Army (ALS) on Friday."));
        assertNotTagged(other, "unlinked:organisation:south-lebanon-army");
        assertEquals(List.of("Lebanon"), entity(other, "lebanon").mentions().stream().map(Mention::text).toList());
    }

    @Test
    void aLegalFormBeforeTheNameAndForeignWordsForBankMakeAnOrganisation() {
        Tags tags = tagger.tag(NameFinderSetTest.story("pt", "1996-12-06", "GDRs in London",
                "PT Tambang Timah closed at $15.575 in London on Friday, and PT Telekomunikasi Indonesia (Telkom) at $35. "
                        + "Tallinna Pank said its assets rose."));
        assertUnlinked(tags, "organisation", List.of("pt-tambang-timah", "pt-telekomunikasi-indonesia", "tallinna-pank"));
        assertEquals(List.of("Indonesia"), entity(tags, "indonesia").inside().stream().map(Mention::text).toList());
    }

    @Test
    void aPersonNamedRightAfterAnInstitutionIsAPersonNotPartOfItsName() {
        Tags tags = tagger.tag(NameFinderSetTest.story("m", "1996-12-06", "Clarke under fire",
                "Member of Parliament Tony Marlow said the resignation of the chancellor was the only way. Marlow added "
                        + "that he would vote against it."));
        assertEquals(List.of("Tony Marlow", "Marlow"),
                entity(tags, "unlinked:person:tony-marlow").mentions().stream().map(Mention::text).toList());
        assertNotTagged(tags, "unlinked:organisation:parliament-tony-marlow");
        // A head word closes a name that a person's name opens: "Bank Julius Baer" stays one organisation.
        Tags bank = tagger.tag(NameFinderSetTest.story("b", "1996-12-06", "Bank results",
                "Analysts at Bank Julius Baer said profits rose."));
        assertNotTagged(bank, "unlinked:person:julius-baer");
    }

    @Test
    void givenNamesOfTheMobyListMarkPeopleWithNoTitleOrRoleBeforeThem() {
        String body = "Prices at the pump rose again, said Patti Thompson, spokeswoman for the agency. "
                + "Kristy Morgan, an assistant manager at a station, said drivers were filling up early.";
        Tags tags = tagger.tag(NameFinderSetTest.story("g", "2012-03-01", "Petrol prices rise", body));
        for (String id : List.of("unlinked:person:patti-thompson", "unlinked:person:kristy-morgan")) {
            EntityTag p = entity(tags, id);
            assertEquals("person", p.type());
            assertFalse(p.linked());
        }
        assertEquals("Patti Thompson", entity(tags, "unlinked:person:patti-thompson").name());
        assertEquals("Kristy Morgan", entity(tags, "unlinked:person:kristy-morgan").name());
    }

    @Test
    void aKnownPlaceThatOpensALongerNameGivesWayToTheWholeName() {
        String body = "The Illinois Emergency Management Agency said nine people had died. The river is expected to crest "
                + "at Arkansas City on Thursday.";
        Tags tags = tagger.tag(NameFinderSetTest.story("p", "2016-01-04", "Floods", body));
        EntityTag agency = entity(tags, "unlinked:organisation:illinois-emergency-management-agency");
        assertEquals("Illinois Emergency Management Agency", agency.name());
        assertEquals("place", entity(tags, "unlinked:place:arkansas-city").type());
        assertFalse(tags.entityIds().contains("illinois"), "Illinois is named only inside the agency's name: " + tags.entityIds());
        assertNotTagged(tags, "arkansas");

        Tags alone = tagger.tag(NameFinderSetTest.story("q", "2016-01-04", "Floods", "Flooding in Illinois and Arkansas closed roads."));
        assertTrue(alone.entityIds().containsAll(List.of("illinois", "arkansas")), "a place alone stays linked: " + alone.entityIds());
    }

    @Test
    void aKnownCityFollowedByAStateItIsNotInIsAnotherPlaceOfThatName() {
        String body = "CAIRO, Ill. (AP) - The Army Corps of Engineers blew a levee to spare Cairo, Illinois, from the "
                + "flood. Residents of Cairo had left days before. In Odessa, Texas, oil workers watched the news, and "
                + "a retired pilot in St. Petersburg, Fla., said Russia's war in Ukraine had raised fuel prices.";
        Tags tags = tagger.tag(NameFinderSetTest.story("c", "2022-05-03", "Levee blown", body));
        assertNotTagged(tags, "cairo");
        assertNotTagged(tags, "odesa");
        assertNotTagged(tags, "st-petersburg");
        EntityTag cairo = entity(tags, "unlinked:place:cairo");
        assertEquals(3, cairo.mentions().size(), cairo.mentions().toString());
        assertUnlinked(tags, "place", List.of("odessa", "st-petersburg"));
        // The states are named, the abbreviations as much as the names written out.
        assertEquals(List.of("Ill", "Illinois"), entity(tags, "illinois").mentions().stream().map(Mention::text).toList());
        assertEquals(List.of("Texas"), entity(tags, "texas").mentions().stream().map(Mention::text).toList());
        assertEquals(List.of("Fla"), entity(tags, "florida").mentions().stream().map(Mention::text).toList());
        assertTrue(tags.entityIds().containsAll(List.of("russia", "ukraine")), tags.entityIds().toString());
    }

    @Test
    void aCityBeforeItsOwnCountryOrInAListOfPlacesStaysTheCity() {
        Tags tags = tagger.tag(NameFinderSetTest.story("c", "2024-05-03", "Envoys travel",
                "Envoys flew between Moscow, Kyiv and Washington this week. Drones hit Odesa, Ukraine, overnight. "
                        + "Talks moved on to Istanbul, Ankara, Riyadh and Geneva."));
        assertTrue(tags.entityIds().containsAll(List.of("moscow", "kyiv", "washington-dc", "odesa", "istanbul", "ankara", "riyadh", "geneva")),
                tags.entityIds().toString());
    }

    @Test
    void aStateNamedAfterItsRiverIsTheRiverAfterThe() {
        Tags tags = tagger.tag(NameFinderSetTest.story("r", "2011-05-03", "Crest moves down the Mississippi",
                "Barges waited on the Ohio, officials said. Mississippi Governor Haley Barbour toured the levees."));
        assertUnlinked(tags, "place", List.of("mississippi", "ohio"));
        assertNotTagged(tags, "ohio");
        // The state itself, named without "the", is the state.
        assertEquals(List.of("Mississippi"), entity(tags, "mississippi").mentions().stream().map(Mention::text).toList());

        // Where the story names the Mississippi River in full, "the Mississippi" is the river wherever it stands.
        String body = "Towns waited for the Mississippi River to crest. Rain pushed the Mississippi and smaller rivers over "
                + "their banks.\n\nThe Mississippi receded on Monday, but flooding was expected as far as Natchez, Mississippi.";
        Tags flood = tagger.tag(NameFinderSetTest.story("f", "2016-01-03", "Flood crest moves south", body));
        int natchez = body.indexOf("Mississippi.");
        assertEquals(List.of(new Mention("body", natchez, natchez + 11, "Mississippi")), entity(flood, "mississippi").mentions());
        assertEquals(2, entity(flood, "unlinked:place:mississippi").mentions().size(), flood.entityIds().toString());
    }

    @Test
    void inASportsStoryACityWhereATeamStandsIsTheClubAndTheDatelineStaysTheCity() {
        String body = "BARCELONA, Spain (Reuters) - Barcelona beat Real Madrid 6-2 on Saturday to go seven points clear at "
                + "the top of the league. Lionel Messi, who scored for Barcelona, was cheered by fans in Barcelona's old town.";
        Tags tags = tagger.tag(NameFinderSetTest.story("s", "2009-05-02", "Six goals in the clasico", body));
        int dateline = body.indexOf("BARCELONA");
        int town = body.indexOf("Barcelona's");
        assertEquals(List.of(new Mention("body", dateline, dateline + 9, "BARCELONA"), new Mention("body", town, town + 9, "Barcelona")),
                entity(tags, "barcelona").mentions());
        assertClubs(tags, List.of("fc-barcelona"), List.of("barcelona"));
        EntityTag club = entity(tags, "fc-barcelona");
        int beat = body.indexOf("Barcelona beat");
        int scored = body.indexOf("Barcelona,", beat);
        assertEquals(List.of(new Mention("body", beat, beat + 9, "Barcelona"), new Mention("body", scored, scored + 9, "Barcelona")),
                club.mentions());
        // National teams are their nations, as a country's team is its country.
        Tags nations = tagger.tag(NameFinderSetTest.story("e", "2009-05-02", "England edge Wales",
                "England beat Wales 2-1 in the league on Saturday, and Germany drew with Scotland."));
        assertTrue(nations.entityIds().containsAll(List.of("england", "wales", "germany", "scotland")), nations.entityIds().toString());
        Tags cricket = tagger.tag(NameFinderSetTest.story("c", "1996-12-06", "Australia win by five wickets",
                "Australia beat West Indies by five wickets in Melbourne on Friday to take a 2-0 lead in the series.\n\n"
                        + "West Indies tour manager Clive Lloyd apologised, and the crowd jeered the West Indies vice-captain."));
        assertEquals(3, entity(cricket, "west-indies").mentions().size(), () -> cricket.entities().toString());
        assertNotTagged(cricket, "unlinked:organisation:west-indies");
        // Outside a sports story the same words leave the city alone.
        Tags news = tagger.tag(NameFinderSetTest.story("n", "2009-05-02", "Protest",
                "Barcelona beat back a challenge to its budget on Saturday, and the mayor of Barcelona welcomed the vote."));
        assertEquals(2, entity(news, "barcelona").mentions().size());
        assertNotTagged(news, "unlinked:organisation:barcelona");
    }

    @Test
    void aClubIsLinkedByItsShortNameWhereATeamStandsWhenNoOtherClubHasIt() {
        String body = "Porto beat Benfica 2-1 in the league on Sunday. Porto's coach said the title race was open.";
        Tags tags = tagger.tag(NameFinderSetTest.story("p", "2025-03-02", "Porto win the derby", body));
        int coach = body.indexOf("Porto's");
        assertEquals(List.of(new Mention("headline", 0, 5, "Porto"), new Mention("body", 0, 5, "Porto"),
                new Mention("body", coach, coach + 5, "Porto")), entity(tags, "fc-porto").mentions());
        assertClubs(tags, List.of("fc-porto", "benfica"), List.of("porto"));
        // Outside a sports story the city of that name is no club.
        Tags fair = tagger.tag(NameFinderSetTest.story("w", "2025-03-02", "Wine fair opens",
                "The wine fair opened in Porto on Sunday, and growers from Porto said prices rose."));
        assertNotTagged(fair, "fc-porto");
        // Two clubs of one short name: the name finder's team stays unlinked; with one of them, it is that club.
        EntityDef benfica = new EntityDef("benfica", "Benfica", "organisation", null, null, null, null, null, null);
        EntityDef cd = new EntityDef("cd-nacional", "CD Nacional", "organisation", null, null, null, null, null, null);
        EntityDef club = new EntityDef("club-nacional", "Club Nacional", "organisation", null, null, null, null, null, null);
        String result = "Nacional beat Benfica 2-1 in the league on Sunday.";
        Tags shared = Tagger.compile(Taxonomy.of(List.of(benfica, cd, club), List.of(), List.of()))
                .tag(NameFinderSetTest.story("n", "2025-03-02", "Upset in the league", result));
        assertUnlinked(shared, "organisation", List.of("nacional"));
        assertNotTagged(shared, "cd-nacional");
        assertNotTagged(shared, "club-nacional");
        Tags one = Tagger.compile(Taxonomy.of(List.of(benfica, cd), List.of(), List.of()))
                .tag(NameFinderSetTest.story("n", "2025-03-02", "Upset in the league", result));
        assertClubs(one, List.of("cd-nacional"), List.of("nacional"));
    }

    @Test
    void aSquadListNamesEachPlayersClubInParenthesesAndACountryThereStaysTheCountry() {
        // No score, no table: the list of players with a name in parentheses after each makes it a sports story.
        String body = "Portugal named their squad on Friday for the World Cup qualifier against Germany.\n\n"
                + "Goalkeepers - Vitor Baia (Barcelona, Spain), Rui Correia (Braga).\n\n"
                + "Defenders - Paulinho Santos (Porto), Helder Cristovao (Deportivo Coruna, Spain), "
                + "Carlos Secretario (Real Madrid, Spain).";
        Tags tags = tagger.tag(NameFinderSetTest.story("q", "1996-12-06", "Portugal squad", body));
        assertClubs(tags, List.of("fc-barcelona", "sc-braga", "fc-porto"), List.of("barcelona", "braga", "porto"));
        assertTrue(tags.entityIds().containsAll(List.of("deportivo-la-coruna", "real-madrid")), "clubs the gazetteer knows");
        assertUnlinked(tags, "person", List.of("vitor-baia", "rui-correia", "paulinho-santos", "helder-cristovao"));
        assertEquals(3, entity(tags, "spain").mentions().size());
        Tags skiing = tagger.tag(NameFinderSetTest.story("k", "1996-12-06", "Kostner wins downhill",
                "Results of the women's World Cup downhill race on Friday: 1. Isolde Kostner (Italy) 1:45.3, "
                        + "2. Katja Seizinger (Germany) 1:45.6, 3. Warwara Zelenskaja (Russia) 1:45.9."));
        assertTrue(skiing.entityIds().containsAll(List.of("italy", "germany", "russia")), skiing.entityIds().toString());
        // Outside a sports story a name in parentheses after a person's is no club.
        Tags news = tagger.tag(NameFinderSetTest.story("p", "2024-03-02", "Mayors meet",
                "The mayors, Carlos Moedas (Lisbon), Rui Moreira (Porto) and Ricardo Rio (Braga), met on Friday."));
        assertNotTagged(news, "unlinked:organisation:porto");
        assertNotTagged(news, "unlinked:organisation:braga");
        // Senators with their party and state are no squad, though a word of sport comes by: the cities stay.
        Tags senate = tagger.tag(NameFinderSetTest.story("r", "2005-07-01", "Senators back bid",
                "Senators John Cornyn (R-Texas), Ted Cruz (R-Texas) and John Thune (R-South Dakota) said on Friday "
                        + "the tournament bid was a done deal after London beat Paris to host it."));
        assertEquals("place", entity(senate, "london").type());
        assertEquals("place", entity(senate, "paris").type());
        assertNotTagged(senate, "unlinked:organisation:london");
    }

    @Test
    void inASportsStoryAClubNamedLikeATownIsTheClubWhereATeamStands() {
        Tags tags = tagger.tag(NameFinderSetTest.story("m", "2024-03-02", "City edge Stockport",
                "Hull City beat Stockport County 2-1 on Saturday, and Norwich lost to Luton Town. Fans queued "
                        + "for hours outside the ground in Salt Lake City, where the match was shown."));
        assertUnlinked(tags, "organisation", List.of("hull-city", "stockport-county", "luton-town"));
        assertUnlinked(tags, "place", List.of("salt-lake-city"));
        // Outside a sports story the same name is the place its head word says.
        Tags news = tagger.tag(NameFinderSetTest.story("n", "2024-03-02", "Council vote",
                "Fairfax County beat the deadline for its budget on Saturday, the council said."));
        assertUnlinked(news, "place", List.of("fairfax-county"));
    }

    @Test
    void inASportsStoryAClubEndingInUnitedAndOneAfterAScoreAreTeams() {
        Tags tags = tagger.tag(NameFinderSetTest.story("u", "2024-03-09", "United win at Barnet",
                "Carlisle United beat Barnet 2-1 in the league on Saturday. Oxford United drew 1-1 with Fulham, and "
                        + "Burnley lost 3-0 to Brentford."));
        assertUnlinked(tags, "organisation", List.of("carlisle-united", "barnet", "oxford-united", "brentford", "burnley"));
        assertClubs(tags, List.of("fulham-fc"), List.of("fulham"));
        assertNotTagged(tags, "unlinked:organisation:carlisle");
        // A score with no result verb before it ("a 2-1 lead with Jackson") is no team's place.
        Tags lead = tagger.tag(NameFinderSetTest.story("v", "2024-03-09", "Late goal",
                "Palmer gave the hosts a 2-1 lead with Jackson on the bench in the league match."));
        assertNotTagged(lead, "unlinked:organisation:jackson");
    }

    @Test
    void inASportsStoryTwoNamesThatBothWonAreTeamsUnlessTheyArePeopleNamedInFull() {
        Tags tags = tagger.tag(NameFinderSetTest.story("b", "2024-03-10", "Leaders win",
                "Wigan and Stoke both won 2-0 on Sunday to stay level at the top of the league."));
        assertUnlinked(tags, "organisation", List.of("wigan"));
        assertClubs(tags, List.of("stoke-city"), List.of("stoke"));
        // The team after "and" may be one the gazetteer knows.
        Tags known = tagger.tag(NameFinderSetTest.story("k", "2024-03-10", "Leaders win",
                "Liverpool and Manchester City both won 2-0 on Sunday to stay level at the top of the league."));
        assertClubs(known, List.of("liverpool-fc"), List.of("liverpool"));
        assertEquals("organisation", entity(known, "manchester-city").type());
        Tags tennis = tagger.tag(NameFinderSetTest.story("t", "2024-03-10", "Seeds through",
                "Rafael Nadal and Roger Federer reached the third round. Nadal and Federer both won 6-4 6-3 in the "
                        + "second set of matches of the tournament."));
        assertUnlinked(tennis, "person", List.of("rafael-nadal", "roger-federer"));
        assertNotTagged(tennis, "unlinked:organisation:nadal");
        assertNotTagged(tennis, "unlinked:organisation:federer");
    }

    @Test
    void anInstitutionNamedAfterAPlaceOrAnotherCountryIsAnotherBody() {
        // "Supreme Court" alone is the US court with a US cue near it; a state, another country or another
        // name right before it makes it another court, another party, named whole.
        String body = "The execution was postponed by the Florida Supreme Court on Friday. The Russian Supreme Court "
                + "upheld the ban in Moscow. The congress of the ruling Czech Civic Democratic Party will meet. "
                + "In Washington, the U.S. Supreme Court declined to hear the case.";
        Tags tags = tagger.tag(NameFinderSetTest.story("c", "1996-12-06", "Courts and parties", body));
        assertUnlinked(tags, "organisation", List.of("florida-supreme-court", "russian-supreme-court",
                "czech-civic-democratic-party"));
        int us = body.indexOf("U.S. Supreme Court");
        assertEquals(List.of(new Mention("body", us, us + 18, "U.S. Supreme Court")), entity(tags, "us-supreme-court").mentions());
        assertNotTagged(tags, "democratic-party-us");
        // The country inside the court's name still counts for it; the US court does not make it US-Russia news.
        assertEquals(List.of("Russian"), entity(tags, "russia").inside().stream().map(Mention::text).toList());
        assertFalse(tags.topics().stream().anyMatch(t -> t.id().equals("us-russia-relations")), tags.topics().toString());
        // A body's own country before it keeps it ("US" is the Democrats' own).
        Tags own = tagger.tag(NameFinderSetTest.story("o", "2024-03-03", "Party",
                "Leaders of the US Democratic Party met in Chicago. The Democratic Party chose Kamala Harris."));
        assertEquals(2, entity(own, "democratic-party-us").mentions().size(), own.entities().toString());
    }

    @Test
    void aKnownOrganisationOpeningALongerNameCountsInsideIt() {
        String body = "Alfonse D'Amato, chairman of the U.S. Senate Banking Committee, spoke on Friday. Bill Brett, "
                + "chairman of the ILO Workers Group, told Reuters.";
        Tags tags = tagger.tag(NameFinderSetTest.story("b", "1996-12-06", "Committees", body));
        assertUnlinked(tags, "organisation", List.of("u-s-senate-banking-committee", "ilo-workers-group"));
        assertNotTagged(tags, "unlinked:organisation:banking-committee");
        assertNotTagged(tags, "unlinked:organisation:workers-group");
        assertEquals(List.of(), entity(tags, "us-senate").mentions());
        assertEquals(List.of("U.S. Senate"), entity(tags, "us-senate").inside().stream().map(Mention::text).toList());
        assertEquals(List.of("ILO"), entity(tags, "ilo").inside().stream().map(Mention::text).toList());
    }

    @Test
    void anAcronymNamingAMarketIndexIsNoOrganisation() {
        Tags tags = tagger.tag(NameFinderSetTest.story("i", "1996-12-06", "Markets",
                "The blue-chip DAX index fell 1.3 percent, and the IPC index ended down. The RTS said it would open late."));
        assertNotTagged(tags, "unlinked:organisation:dax");
        assertNotTagged(tags, "unlinked:organisation:ipc");
        assertUnlinked(tags, "organisation", List.of("rts"));
    }

    @Test
    void aCompanysLegalFormIsItsNamesWithItsFullStopWhereTheSentenceGoesOn() {
        String body = "Honda Motor Co Ltd said on Friday it had 15,000 orders. American's parent, AMR Corp., said it "
                + "did not view the terms as a deal breaker. Shares fell at Harbour Holdings Inc.";
        Tags tags = tagger.tag(NameFinderSetTest.story("h", "1996-12-06", "Companies", body));
        assertEquals(List.of(new Mention("body", 0, 18, "Honda Motor Co Ltd")), entity(tags, "honda").mentions());
        int amr = body.indexOf("AMR");
        assertEquals(List.of(new Mention("body", amr, amr + 9, "AMR Corp.")), entity(tags, "unlinked:organisation:amr-corp").mentions());
        // Where the stop also ends the sentence, it is the sentence's.
        assertEquals("Harbour Holdings Inc", entity(tags, "unlinked:organisation:harbour-holdings-inc").mentions().get(0).text());
        Tags newmont = tagger.tag(NameFinderSetTest.story("n", "1996-12-06", "Bids",
                "The bid came from Newmont Mining Corp. Santa Fe said nothing. Elbrewery Company Ltd. (EB) rose."));
        assertEquals("Newmont Mining Corp", entity(newmont, "unlinked:organisation:newmont-mining-corp").mentions().get(0).text());
        assertEquals("Elbrewery Company Ltd.", entity(newmont, "unlinked:organisation:elbrewery-company-ltd").mentions().get(0).text());
    }

    @Test
    void anOrganisationKnownByItsFirstWordIsTheOneNamedInFull() {
        String body = "Barnet beat Bristol Rovers 2-1 on Sunday in the league. Bristol manager Joey Barton said "
                + "his side lacked energy.";
        Tags tags = tagger.tag(NameFinderSetTest.story("t", "2024-03-03", "Barnet edge Rovers", body));
        int rovers = body.indexOf("Bristol manager");
        assertTrue(entity(tags, "unlinked:organisation:bristol-rovers").mentions().contains(
                new Mention("body", rovers, rovers + 7, "Bristol")), tags.entityIds().toString());
        assertNotTagged(tags, "unlinked:organisation:bristol");
        // With no cue of its own ("Lehman said") the word joins the one organisation it starts.
        String bank = "Shares of Lehman Brothers Holdings Inc fell on Monday. Lehman said it would sell assets.";
        Tags lehman = tagger.tag(NameFinderSetTest.story("l", "2008-09-08", "Lehman falls", bank));
        int said = bank.indexOf("Lehman said");
        assertEquals(List.of(new Mention("headline", 0, 6, "Lehman"), new Mention("body", 10, 38, "Lehman Brothers Holdings Inc"),
                new Mention("body", said, said + 6, "Lehman")),
                entity(lehman, "unlinked:organisation:lehman-brothers-holdings-inc").mentions());
        // Two organisations start with the word: it is neither's.
        Tags two = tagger.tag(NameFinderSetTest.story("d", "2024-03-03", "Hanover firms",
                "Shares of Norddeutsche Landesbank AG and Norddeutsche Affinerie AG rose. Norddeutsche said nothing."));
        assertEquals(1, entity(two, "unlinked:organisation:norddeutsche-landesbank-ag").mentions().size(), two.entityIds().toString());
        assertEquals(1, entity(two, "unlinked:organisation:norddeutsche-affinerie-ag").mentions().size(), two.entityIds().toString());
        // Nor when the gazetteer knows one of them; and a company's legal form after its known name is no name.
        Tags known = tagger.tag(NameFinderSetTest.story("d", "2024-03-03", "Bonn firms",
                "Shares of Deutsche Bank AG and Deutsche Post AG rose. Deutsche said nothing."));
        assertEquals(List.of("Deutsche Bank AG"), entity(known, "deutsche-bank").mentions().stream().map(Mention::text).toList());
        assertEquals(1, entity(known, "unlinked:organisation:deutsche-post-ag").mentions().size(), known.entityIds().toString());
        assertNotTagged(known, "unlinked:organisation:ag");
    }

    @Test
    void aRoleWordCapitalisedAtTheStartOfASentenceIsNotPartOfTheName() {
        Tags tags = tagger.tag(NameFinderSetTest.story("r", "2024-06-04", "Kremlin stays cautious",
                "Analyst Tatiana Stanovaya said the Kremlin was cautious. Lawyer Mark Feygin disagreed on Tuesday."));
        assertUnlinked(tags, "person", List.of("tatiana-stanovaya", "mark-feygin"));
        assertEquals("Tatiana Stanovaya", entity(tags, "unlinked:person:tatiana-stanovaya").mentions().get(0).text());
    }

    @Test
    void inASportsStoryAPluralVerbAfterOneNameMakesItATeamButNotAfterSeveral() {
        Tags tags = tagger.tag(NameFinderSetTest.story("j", "1996-12-08", "Perugia held",
                "Perugia were held to a 0-0 draw in the league on Sunday. Ravanelli and Vialli were booked, "
                        + "and Piacenza have not lost at home this season. In Spain, Racing Santander were held too."));
        // The comma after an opening place ("In Spain,") ends a phrase, not a list of names.
        assertUnlinked(tags, "organisation", List.of("perugia", "piacenza", "racing-santander"));
        assertNotTagged(tags, "unlinked:organisation:vialli");
        assertNotTagged(tags, "unlinked:organisation:ravanelli");
    }

    @Test
    void whatATitleHeadsIsNoPerson() {
        Tags tags = tagger.tag(NameFinderSetTest.story("t", "2016-01-03", "Ethanol makers expand",
                "Jeff Lautt, CEO of Poet, said the plants would grow. Secretary of State Antony Blinken and "
                        + "Chairman of Gazprombank Andrei Akimov were not asked."));
        assertUnlinked(tags, "organisation", List.of("poet"));
        assertUnlinked(tags, "person", List.of("jeff-lautt", "andrei-akimov"));
        assertNotTagged(tags, "unlinked:person:poet");
        assertTrue(tags.entityIds().containsAll(List.of("antony-blinken", "gazprombank")), tags.entityIds().toString());
    }

    @Test
    void aGivenNameAfterCapitalisedWordsNoCueTypedStartsThePerson() {
        String body = "Chancellor of the Exchequer Kenneth Clarke spoke on Friday. Clarke said the pound was sound. "
                + "Shares of Bank Julius Baer rose.";
        Tags tags = tagger.tag(NameFinderSetTest.story("k", "1996-12-06", "Pound steady", body));
        EntityTag clarke = entity(tags, "unlinked:person:kenneth-clarke");
        assertEquals(List.of(new Mention("body", body.indexOf("Kenneth"), body.indexOf("Kenneth") + 14, "Kenneth Clarke"),
                new Mention("body", body.indexOf("Clarke said"), body.indexOf("Clarke said") + 6, "Clarke")), clarke.mentions());
        // A body named after a person keeps its name whole.
        assertNotTagged(tags, "unlinked:person:julius-baer");
    }

    @Test
    void aGenerationalSuffixIsNotTheSurname() {
        Tags tags = tagger.tag(NameFinderSetTest.story("m", "1996-12-06", "Florida executes man",
                "John Mills Jr. was executed on Friday. Mills made a final statement. Carl Hughes III, his lawyer, "
                        + "said nothing. Hughes left."));
        EntityTag mills = entity(tags, "unlinked:person:john-mills-jr");
        assertEquals(List.of("John Mills Jr", "Mills"), mills.mentions().stream().map(Mention::text).toList());
        assertNotTagged(tags, "unlinked:person:mills");
        // The name finder leaves "III" out of the name; the lone "Hughes" is still he.
        assertEquals(List.of("Carl Hughes", "Hughes"),
                entity(tags, "unlinked:person:carl-hughes").mentions().stream().map(Mention::text).toList());
    }

    @Test
    void aLoneSurnameThatIsAlsoARankIsThePersonTheStoryNamesInFull() {
        Tags tags = tagger.tag(NameFinderSetTest.story("j", "1996-12-06", "Major resolute",
                "Prime Minister John Major was resolute, a spokesman for Major's office said. Major met no one."));
        // The headline's "Major" too: a headline names whom the story names.
        assertEquals(List.of("Major", "John Major", "Major", "Major"),
                entity(tags, "john-major").mentions().stream().map(Mention::text).toList());
        // Without him in the story the rank is no one's name.
        Tags other = tagger.tag(NameFinderSetTest.story("o", "1996-12-06", "Army promotions",
                "The army said on Friday that Major Tom Hardy was promoted. Major changes are due."));
        assertNotTagged(other, "john-major");
        assertNotTagged(other, "unlinked:person:major");
    }

    @Test
    void brothersEndsTheNameOfAFirm() {
        Tags tags = tagger.tag(NameFinderSetTest.story("s", "1996-12-06", "Bonds rally",
                "Analysts at Salomon Brothers said bonds would rally."));
        assertUnlinked(tags, "organisation", List.of("salomon-brothers"));
        assertNotTagged(tags, "unlinked:person:salomon-brothers");
    }

    @Test
    void inASportsStoryTheNamesThatOpenTheRowsOfATableAreTeams() {
        String body = "Results of league matches on Saturday:\n\nPlymouth 4 Exeter 1\nBarcelona 2 Cagliari 0\n\n"
                + "Standings after Saturday's games:\n\nStefanel Milan (Italy) 9 6 3 15\nAlba Berlin (Germany) 9 5 4 14\n\n"
                + "Leading scorers: Ernie Els 12\n\nYelich Mil 79 296 66 97\n\nFans sang in Barcelona after the match.";
        Tags tags = tagger.tag(NameFinderSetTest.story("t", "1996-12-07", "SOCCER - LEAGUE RESULTS", body));
        assertUnlinked(tags, "organisation", List.of("plymouth", "exeter", "cagliari", "stefanel-milan", "alba-berlin"));
        assertNotTagged(tags, "milan");
        assertNotTagged(tags, "berlin");
        // A club named after a city the gazetteer knows is the club in the table, the city where fans sing.
        assertClubs(tags, List.of("fc-barcelona"), List.of("barcelona"));
        assertEquals(List.of("Barcelona"), entity(tags, "barcelona").mentions().stream().map(Mention::text).toList());
        // The countries in brackets stay countries, a person in a table a person.
        assertTrue(tags.entityIds().containsAll(List.of("italy", "germany")), tags.entityIds().toString());
        assertEquals("person", entity(tags, "unlinked:person:ernie-els").type());
        // A player's row: his team's short form after his name.
        assertNotTagged(tags, "unlinked:organisation:yelich-mil");
    }

    @Test
    void inASportsStoryTheTwoSidesOfAScheduleLineAreTeams() {
        // The wires' agate: one game a line (a paragraph, as rows of standings are), "at" before the home side,
        // "v" between two clubs.
        String body = "In the league on Friday the Harbour Sharks won 4-2 over the Coastal Kings.\n\n"
                + "Saturday's games:\n\nValley Bears at Harbour Sharks\n\nRidge Wolves v Coastal Kings";
        Tags tags = tagger.tag(NameFinderSetTest.story("s", "1998-01-09", "ICE HOCKEY - LEAGUE RESULTS", body));
        assertUnlinked(tags, "organisation", List.of("harbour-sharks", "coastal-kings", "valley-bears", "ridge-wolves"));
        // A line that holds more than the two names is no schedule's: "Keegan at Wembley to watch the final".
        Tags other = tagger.tag(NameFinderSetTest.story("o", "1998-01-09", "SOCCER - CUP",
                "The league said the goal stood in the 2-1 win.\n\nKeegan at Wembley to watch the final"));
        assertNotTagged(other, "unlinked:organisation:keegan");
    }

    @Test
    void inStandingsInCapitalsTheTwoSidesOfAScheduleLineAreTeamsWithoutTheirAt() {
        String body = String.join("\n\n", "STANDINGS OF THE NORTHERN ICE HOCKEY LEAGUE:", "W L T PTS",
                "HARBOUR SHARKS 14 5 2 30", "VALLEY BEARS 11 8 2 24", "SATURDAY'S GAMES", "VALLEY BEARS AT RIDGE WOLVES",
                "COASTAL KINGS V HARBOUR SHARKS");
        Tags tags = tagger.tag(NameFinderSetTest.story("h", "1998-01-09", "ICE HOCKEY - LEAGUE STANDINGS", body));
        assertUnlinked(tags, "organisation", List.of("harbour-sharks", "valley-bears", "ridge-wolves", "coastal-kings"));
        assertEquals(2, entity(tags, "unlinked:organisation:valley-bears").mentions().size(), tags.entityIds().toString());
        assertEquals(4, tags.entities().size(), "no name holds the \"AT\": " + tags.entityIds());
    }

    @Test
    void aGivenNameBeforeAnInstitutionsNameMakesAPersonOfIt() {
        Tags tags = tagger.tag(NameFinderSetTest.story("mb", "2025-02-20", "Billionaire pledges climate funds",
                "Michael Bloomberg pledged to cover the US share of the budget, Bloomberg News reported."));
        assertEquals("person", entity(tags, "unlinked:person:michael-bloomberg").type());
        assertEquals(List.of("Bloomberg News"), entity(tags, "bloomberg").mentions().stream().map(Mention::text).toList());
    }

    @Test
    void aTableWithoutAWordOfSportMakesNoTeams() {
        Tags tags = tagger.tag(NameFinderSetTest.story("b", "1996-12-07", "Regional output",
                "Output by region, in thousands of tonnes:\n\nKaduna 12 14\nBarcelona 9 11\n"));
        assertNotTagged(tags, "unlinked:organisation:kaduna");
        assertNotTagged(tags, "unlinked:organisation:barcelona");
        assertTrue(tags.entityIds().contains("barcelona"), tags.entityIds().toString());
    }

    @Test
    void whoHeldATeamToADrawIsATeamButNotWhoHeldANewsConference() {
        Tags tags = tagger.tag(NameFinderSetTest.story("g", "2024-03-03", "Madrid slip",
                "Real Madrid were held 0-0 by Getafe in the league on Sunday, and Girona held Valencia to a 1-1 draw. "
                        + "Afterwards Ancelotti held a news conference."));
        assertUnlinked(tags, "organisation", List.of("getafe"));
        assertClubs(tags, List.of("valencia-cf"), List.of("valencia"));
        assertNotTagged(tags, "unlinked:organisation:ancelotti");
    }

    @Test
    void aFirmKnownByTheFirstWordsOfItsFullNameIsThatFirm() {
        String body = "Bre-X Minerals Ltd said on Friday its find was intact. Bre-X shares rose 5 percent.";
        Tags tags = tagger.tag(NameFinderSetTest.story("x", "1996-12-06", "Gold find intact", body));
        assertEquals(List.of("Bre-X Minerals Ltd", "Bre-X"),
                entity(tags, "unlinked:organisation:bre-x-minerals-ltd").mentions().stream().map(Mention::text).toList());
    }

    @Test
    void aDatelineInCapitalsIsAPlaceThoughItOpensWithAGivenName() {
        Tags tags = tagger.tag(NameFinderSetTest.story("d", "1996-12-06", "Farm prices",
                "Farm prices\n\nDES MOINES, Iowa 1996-12-06\n\nCorn prices rose on Friday, said Jack Des Moines."));
        assertEquals("place", entity(tags, "unlinked:place:des-moines").type());
        assertNotTagged(tags, "unlinked:person:des-moines");
    }

    @Test
    void aStoryHasOneDatelineSoASectionsHeaderAfterItIsNoName() {
        String body = "NEW YORK 1996-12-06\n\nORE - Maritime Queen 70,000 tonnes Dampier / Kaohsiung 20-30/12.\n\n"
                + "COAL - Lantau Peak 120,000 tonnes Hay Point / Japan 10-15/12.";
        Tags tags = tagger.tag(NameFinderSetTest.story("s", "1996-12-06", "Bulk fixtures", body));
        assertEquals(List.of(new Mention("body", 0, 8, "NEW YORK")), entity(tags, "new-york").mentions());
        for (String header : List.of("ore", "coal")) {
            assertNotTagged(tags, "unlinked:place:" + header);
            assertNotTagged(tags, "unlinked:organisation:" + header);
        }
        // An acronym opening a paragraph before a comma is still the organisation.
        Tags bank = tagger.tag(NameFinderSetTest.story("z", "1996-12-06", "Bank cuts rates",
                "LONDON 1996-12-06\n\nZNB, the bank, cut its rates on Friday."));
        assertEquals("organisation", entity(bank, "unlinked:organisation:znb").type());
        // Without a dateline before it, the same opening is the dateline.
        Tags first = tagger.tag(NameFinderSetTest.story("t", "1996-12-06", "Fixtures",
                "Bulk fixtures\n\nTIPTONVILLE - Barges waited on the river on Friday."));
        assertEquals("place", entity(first, "unlinked:place:tiptonville").type());
    }

    @Test
    void aNameFollowedByWhatThePersonIsIsAPerson() {
        Tags tags = tagger.tag(NameFinderSetTest.story("a", "2024-05-02", "Markets steady",
                "Shares were steady on Thursday, said Brannoch Quill, chief strategist at Halden Securities. "
                        + "Vesk Tanaro, a senior Finance Ministry official, said rates would hold. Dorsey Mallin, who "
                        + "heads the inquiry, declined to comment. Halden Dravic, the lender whose chief executive "
                        + "resigned, said nothing. Marrow Keep, the utility's chief executive said, would cut jobs. "
                        + "Dunmore Fells, home of the governor, flooded."));
        assertUnlinked(tags, "person", List.of("brannoch-quill", "vesk-tanaro", "dorsey-mallin"));
        assertEquals("organisation", entity(tags, "unlinked:organisation:finance-ministry").type());
        // The role is another's: after "whose", a possessive, or a preposition.
        assertNotTagged(tags, "unlinked:person:halden-dravic");
        assertNotTagged(tags, "unlinked:person:marrow-keep");
        assertNotTagged(tags, "unlinked:person:dunmore-fells");
        // In a sports story a team takes "who" too.
        Tags sport = tagger.tag(NameFinderSetTest.story("s", "2024-05-02", "Crayford edge Dulwich",
                "Crayford Athletic, who beat Dulwich 2-1 in the league on Saturday, stay top. Their goal came late."));
        assertNotTagged(sport, "unlinked:person:crayford-athletic");
    }

    @Test
    void aKnownSurnameBeforeANameNoListKnowsIsSomeoneElse() {
        Tags striker = tagger.tag(NameFinderSetTest.story("w", "2024-05-02", "Widodo Visits Stadium",
                "The striker Widodo Santoso scored twice on Saturday."));
        assertNotTagged(striker, "unlinked:person:widodo");
        assertEquals(List.of("Widodo"), entity(striker, "joko-widodo").mentions().stream().map(Mention::text).toList(),
                "the title-case headline's Widodo is still the president's; the striker's is not");
        Tags president = tagger.tag(NameFinderSetTest.story("p", "2024-05-02", "Jakarta talks",
                "Indonesian President Joko Widodo met investors on Monday. Widodo Monday said talks went well, "
                        + "and Widodo told reporters he was pleased."));
        assertEquals(3, entity(president, "joko-widodo").mentions().size(), president.entityIds().toString());
    }

    @Test
    void aScheduleLineWithLeaguePositionsAndKickOffTimeNamesTwoTeams() {
        String body = "League matches on Sunday (league positions in parentheses, kick-off times GMT):\n\n"
                + "Barnova (4) v Pelcenza (13) 1330\n\nCastrano (16) v Regiola (18) 1530\n\n"
                + "The leaders drew 1-1 last week.";
        Tags tags = tagger.tag(NameFinderSetTest.story("f", "1996-12-06", "Weekend fixtures", body));
        // The home sides have no team word beside them: the line's shape says what they are.
        assertUnlinked(tags, "organisation", List.of("barnova", "pelcenza", "castrano", "regiola"));
    }

    @Test
    void aNameBeforeLeaderOrLawmakersIsAPartyButNotAtTheStartOfASentence() {
        Tags tags = tagger.tag(NameFinderSetTest.story("p", "1996-12-06", "Coalition talks",
                "Peters spoke to Labour leader Helen Clark and to Meretz lawmakers on Friday. "
                        + "Opposition leaders said nothing."));
        assertUnlinked(tags, "organisation", List.of("labour", "meretz"));
        assertEquals("person", entity(tags, "unlinked:person:helen-clark").type());
        assertNotTagged(tags, "unlinked:organisation:opposition");
    }

    @Test
    void whatATitleBeforeAPersonIsOfIsAnOrganisation() {
        Tags tags = tagger.tag(NameFinderSetTest.story("mp", "2016-06-17", "Members speak",
                "Labour MP Dennis Skinner and Ford Chairman Bill Ford spoke. Democratic Sen. Joe Manchin did not."));
        assertUnlinked(tags, "organisation", List.of("labour", "ford"));
        assertUnlinked(tags, "person", List.of("dennis-skinner", "bill-ford", "joe-manchin"));
        // An adjective of a party is no organisation alone.
        assertNotTagged(tags, "unlinked:organisation:democratic");
        // An institution, a title, then the person: two names ("Senate Majority Leader Chuck Schumer").
        Tags leader = tagger.tag(NameFinderSetTest.story("l", "2024-03-01", "Deal",
                "Senate Majority Leader Chuck Schumer and Duma Speaker Vyacheslav Volodin disagreed."));
        assertUnlinked(leader, "person", List.of("chuck-schumer"));
        assertNotTagged(leader, "unlinked:organisation:senate-majority-leader-chuck-schumer");
        assertEquals(List.of("Vyacheslav Volodin"), entity(leader, "vyacheslav-volodin").mentions().stream().map(Mention::text).toList());
        // Before a minister's or a secretary's title it is the portfolio, not a body.
        Tags ministers = tagger.tag(NameFinderSetTest.story("m", "1996-12-06", "Split",
                "Earlier, Posts and Telecommunications Minister Hisao Horinouchi told a news conference. "
                        + "Telecommunications Minister Mark Lee agreed."));
        assertUnlinked(ministers, "person", List.of("hisao-horinouchi", "mark-lee"));
        assertNotTagged(ministers, "unlinked:organisation:telecommunications");
    }

    @Test
    void aCityReadAsAClubIsTheClubElsewhereInTheStoryButNotAfterAPlaceCueNorInTheDateline() {
        String body = "BARCELONA, Spain 1996-12-06\n\nBarcelona beat Real Madrid 2-1 in the league on Sunday. "
                + "Barcelona's coach Bobby Robson was pleased, and fans in Barcelona danced.";
        Tags tags = tagger.tag(NameFinderSetTest.story("b", "1996-12-06", "Robson pleased", body));
        int beat = body.indexOf("Barcelona beat");
        int coach = body.indexOf("Barcelona's");
        assertEquals(List.of(new Mention("body", beat, beat + 9, "Barcelona"), new Mention("body", coach, coach + 9, "Barcelona")),
                entity(tags, "fc-barcelona").mentions());
        int fans = body.indexOf("in Barcelona") + 3;
        assertEquals(List.of(new Mention("body", 0, 9, "BARCELONA"), new Mention("body", fans, fans + 9, "Barcelona")),
                entity(tags, "barcelona").mentions());
    }

    @Test
    void aCityThatIsTheShortNameOfAClubTheStoryNamesInFullOrJoinsToAnotherClubIsThatClub() {
        String milan = "ROME 1996-12-06\n\nAC Milan (9) v Udinese (11) 1330\n\nCan Milan sink any further? They lost 2-1 "
                + "on Wednesday, and Good news for Milan is that Weah returns. Croat striker Milan Rapajic scored for "
                + "Perugia, and fans in Milan were angry.";
        Tags m = tagger.tag(NameFinderSetTest.story("m", "1996-12-06", "Serie A preview", milan));
        assertEquals(List.of("AC Milan", "Milan", "Milan"), entity(m, "ac-milan").mentions().stream().map(Mention::text).toList(),
                "AC Milan and its short name twice; not the striker's given name nor the city after \"in\"");
        String betting = "LONDON 1996-12-06\n\nOdds for the Spanish first division match between Real Madrid and Barcelona:"
                + "\n\nTo win: 6-5 Real Madrid; 7-4 Barcelona\n\nCorrect score: 1-0 13-2 25-1 Barcelona Real Madrid";
        Tags b = tagger.tag(NameFinderSetTest.story("o", "1996-12-06", "Betting on the derby", betting));
        assertEquals(3, entity(b, "fc-barcelona").mentions().size(), b.entityIds().toString());
        assertNotTagged(b, "barcelona");
    }

    @Test
    void aTeamAfterTheArticleOrAVerbOfFixturesAndAPlaceInAResultsRowAreTeams() {
        Tags rugby = tagger.tag(NameFinderSetTest.story("b", "1996-12-07", "Wallabies romp",
                "Australia beat the Barbarians 39-12 in the final match of their tour. The Wallabies then entertain "
                        + "Harlow in the league."));
        assertUnlinked(rugby, "organisation", List.of("barbarians", "harlow"));
        Tags nhl = tagger.tag(NameFinderSetTest.story("n", "1996-12-07", "NHL results",
                "Results of National Hockey League games on Thursday (home team in CAPS):\n\nPhoenix 3 ST LOUIS 0\n\n"
                        + "Tampa Bay 2 LOS ANGELES 1"));
        assertUnlinked(nhl, "organisation", List.of("st-louis", "tampa-bay"));
        assertNotTagged(nhl, "unlinked:place:st-louis");
    }

    @Test
    void aCountryAndARomanNumeralAreACrewNotTheCountry() {
        String body = "IGLS, Austria 1996-12-07\n\nBrian Shimer piloted USA III to a surprise victory in a World Cup "
                + "two-man bobsleigh event.\n\n1. United States III (Brian Shimer, Randy Jones) 1:45.91\n\n"
                + "2. Italy I (Guenther Huber, Antonio Tartaglia) 1:45.93\n\nCanada I, represented by Pierre Lueders, "
                + "was third. In Canada I think the sport is bigger.";
        Tags tags = tagger.tag(NameFinderSetTest.story("bob", "1996-12-07", "Shimer wins", body));
        assertUnlinked(tags, "organisation", List.of("usa-iii", "united-states-iii", "italy-i", "canada-i"));
        assertNotTagged(tags, "united-states");
        assertNotTagged(tags, "italy");
        int in = body.indexOf("In Canada") + 3;
        assertEquals(List.of(new Mention("body", in, in + 6, "Canada")), entity(tags, "canada").mentions(),
                "the pronoun after the country is no crew's numeral");
    }

    @Test
    void theOtherSideOfAResultAfterItsScorersAndALineOfOneResultAreTeams() {
        Tags tags = tagger.tag(NameFinderSetTest.story("r", "1996-12-06", "Results",
                "Results of English premier league matches on Saturday:\n\nArbourne 2 (Adams 45, Vieira 90) Dellham 2 "
                        + "(Sturridge 62, Powell 71).\n\nCastleton 0 Bramwick 0."));
        assertUnlinked(tags, "organisation", List.of("arbourne", "dellham", "castleton", "bramwick"));
        Tags one = tagger.tag(NameFinderSetTest.story("c", "1996-12-06", "Cup result",
                "Result of an English F.A. Challenge Cup second round match on Friday:\n\nPlymston 4 Exbury 1"));
        assertUnlinked(one, "organisation", List.of("plymston", "exbury"));
    }

    @Test
    void aGivenNameBeforeACountryMakesTheCountryASurname() {
        String body = "Bill Jordan, general secretary of the confederation, told a news conference the talks failed. "
                + "King Hussein of Jordan was not there. Jordan said the WTO's credibility was at stake.";
        Tags tags = tagger.tag(NameFinderSetTest.story("j", "1996-12-06", "Unions at the WTO", body));
        int said = body.indexOf("Jordan said");
        assertEquals(List.of(new Mention("body", 0, 11, "Bill Jordan"), new Mention("body", said, said + 6, "Jordan")),
                entity(tags, "unlinked:person:bill-jordan").mentions(), "his surname alone, speaking, is him");
        int of = body.indexOf("of Jordan") + 3;
        assertEquals(List.of(new Mention("body", of, of + 6, "Jordan")), entity(tags, "jordan").mentions());
        // In a results table a player's country follows the name: it stays the country.
        Tags golf = tagger.tag(NameFinderSetTest.story("g", "1996-12-06", "Golf scores",
                "Leading scores:\n\n67 Greg Norman Australia\n\n68 Nick Faldo Britain"));
        assertEquals(1, entity(golf, "australia").mentions().size(), golf.entityIds().toString());
    }

    @Test
    void aWireDeskNamedAfterItsCityIsAnOrganisation() {
        Tags tags = tagger.tag(NameFinderSetTest.story("n", "1996-12-06", "Bonds steady",
                "Bonds were steady on Friday in Tokyo.\n\n-- London Newsroom +44 171 542 7658"));
        assertUnlinked(tags, "organisation", List.of("london-newsroom"));
        assertNotTagged(tags, "london");
    }

    @Test
    void anInitialBeforeASurnameIsAPerson() {
        Tags tags = tagger.tag(NameFinderSetTest.story("i", "1996-12-06", "Waugh leads reply",
                "M. Waugh and A. Parore batted through the session. Officials said the pitch in Section B. Hall was dry."));
        assertUnlinked(tags, "person", List.of("m-waugh", "a-parore"));
        assertNotTagged(tags, "unlinked:person:b-hall");
    }

    @Test
    void aTitleInsideARunStartsThePersonsNameAndWhatComesBeforeItIsNoPartOfIt() {
        Tags tags = tagger.tag(NameFinderSetTest.story("b", "1996-12-06", "Belo leaves",
                "The Roman Catholic Bishop Carlos Belo left on Friday for Norway. Belo will receive the prize."));
        assertEquals(List.of("Belo", "Carlos Belo", "Belo"),
                entity(tags, "unlinked:person:carlos-belo").mentions().stream().map(Mention::text).toList());
        assertNotTagged(tags, "unlinked:person:roman-catholic-bishop-carlos-belo");
        // A title of several words ends where the name starts; a word that is only part of a title is none alone.
        Tags deputy = tagger.tag(NameFinderSetTest.story("d", "2024-03-02", "Visit",
                "Veteran Liberal Deputy Prime Minister Tuomo Hala arrived on Friday. He met State Grid officials."));
        assertEquals(List.of("Tuomo Hala"),
                entity(deputy, "unlinked:person:tuomo-hala").mentions().stream().map(Mention::text).toList());
        assertNotTagged(deputy, "unlinked:person:grid");
    }

    @Test
    void anEastAsianNameWithItsFamilyNameFirstIsAPersonAndTheFamilyNameAloneIsThatPerson() {
        Tags tags = tagger.tag(NameFinderSetTest.story("a", "1996-12-06", "Badminton",
                "Ye Zhaoying beat Han Jingna in the final on Friday. Hwang Sun Hong scored for the visitors and "
                        + "Goh Chok Tong watched. Ye said she was tired."));
        assertUnlinked(tags, "person", List.of("ye-zhaoying", "han-jingna", "hwang-sun-hong", "goh-chok-tong"));
        assertEquals(List.of("Ye Zhaoying", "Ye"),
                entity(tags, "unlinked:person:ye-zhaoying").mentions().stream().map(Mention::text).toList());
        // Words that are no romanised given name after the family name: not a person.
        Tags firms = tagger.tag(NameFinderSetTest.story("f", "1996-12-06", "Deals",
                "Shares of Sun Microsystems rose on Friday, while Pan Am Holdings fell. Song Contest tickets sold out "
                        + "and Park Royal reopened."));
        for (String id : firms.entityIds()) {
            assertTrue(!id.startsWith("unlinked:person:"), firms.entityIds().toString());
        }
    }

    @Test
    void anEastAsianNameKeepsItsHyphenatedGivenNameAndNoKnownSurnameInsideIt() {
        String body = "8. Kim Yoon-man (South Korea) 1:16.75\n\nKim Do Hoon opened the scoring for South Korea. "
                + "Lee Kyou-hyuk finished fifth. Geoff Hoon, the defence secretary, watched.";
        Tags tags = tagger.tag(NameFinderSetTest.story("k", "1996-12-06", "Results", body));
        assertUnlinked(tags, "person", List.of("kim-yoon-man", "kim-do-hoon", "lee-kyou-hyuk"));
        int geoff = body.indexOf("Geoff Hoon");
        assertEquals(List.of(new Mention("body", geoff, geoff + 10, "Geoff Hoon")), entity(tags, "geoff-hoon").mentions());
        // Names the gazetteer knows so stay its own.
        Tags known = tagger.tag(NameFinderSetTest.story("n", "2019-06-30", "Summit", "Kim Jong-un met Moon Jae-in."));
        assertEquals(List.of("Kim Jong-un"), entity(known, "kim-jong-un").mentions().stream().map(Mention::text).toList());
        assertEquals(List.of("Moon Jae-in"), entity(known, "moon-jae-in").mentions().stream().map(Mention::text).toList());
    }

    @Test
    void givenNamesOfJapanTheBalkansAndTheCaucasusOpenAPersonsName() {
        Tags tags = tagger.tag(NameFinderSetTest.story("g", "2024-03-02", "Talks",
                "Takeshi Yamada and Dritan Hoxha arrived on Friday, and Tengiz Gelashvili followed."));
        assertUnlinked(tags, "person", List.of("takeshi-yamada", "dritan-hoxha", "tengiz-gelashvili"));
    }

    @Test
    void aSurnameTwoPeopleOfTheStoryShareIsTheOneItNamesFirst() {
        Tags tags = tagger.tag(NameFinderSetTest.story("h", "2024-03-02", "Hallam returns",
                "Former coach Tom Hallam returned on Friday. Hallam was born here. His father, Clarence Hallam, "
                        + "served in the army. Hallam later moved north."));
        assertEquals(List.of("Hallam", "Tom Hallam", "Hallam", "Hallam"),
                entity(tags, "unlinked:person:tom-hallam").mentions().stream().map(Mention::text).toList());
        assertEquals(List.of("Clarence Hallam"),
                entity(tags, "unlinked:person:clarence-hallam").mentions().stream().map(Mention::text).toList());
    }

    @Test
    void theExtrasAndTotalRowsOfAScorecardAreNoTeams() {
        Tags tags = tagger.tag(NameFinderSetTest.story("c", "1996-12-06", "Scoreboard",
                "Scoreboard of the one-day cricket match on Friday:\n\nSaeed Anwar c Spearman b Vaughan 19\n"
                        + "Ijaz Ahmad run out 37\nExtras (lb-8 nb-2 w-14) 24\nTotal (for 9 wickets in 47 overs) 277"));
        assertNotTagged(tags, "unlinked:organisation:extras");
        assertNotTagged(tags, "unlinked:organisation:total");
        Tags results = tagger.tag(NameFinderSetTest.story("r", "1996-12-06", "Results",
                "National Hockey League results on Thursday (home team in CAPS):\n\nHartford 4 BOSTON 2"));
        assertNotTagged(results, "unlinked:place:caps");
    }

    @Test
    void whatAGovernorOrAMayorIsOfIsAPlace() {
        Tags tags = tagger.tag(NameFinderSetTest.story("g", "2024-05-02", "Strikes",
                "The governor of Zabul said two roads were closed, and the mayor of Vovchansk asked for buses."));
        assertUnlinked(tags, "place", List.of("zabul", "vovchansk"));
    }

    @Test
    void aCompanyAfterTheNounOfItsTradeIsAnOrganisation() {
        Tags tags = tagger.tag(NameFinderSetTest.story("b", "2024-05-02", "Profits fall",
                "Czech brewer Pilsnova said on Monday its profit fell, and South Korean shipbuilder Daewan cut jobs. "
                        + "Pilsnova shares fell 3 percent."));
        assertUnlinked(tags, "organisation", List.of("pilsnova", "daewan"));
        assertEquals(2, entity(tags, "unlinked:organisation:pilsnova").mentions().size());
    }
}
