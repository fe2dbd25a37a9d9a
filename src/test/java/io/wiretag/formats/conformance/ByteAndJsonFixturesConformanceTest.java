package io.wiretag.formats.conformance;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.wiretag.formats.FormatDetector;
import io.wiretag.formats.ParseException;
import io.wiretag.formats.ParseResult;
import io.wiretag.formats.RawInput;
import io.wiretag.story.PubStatus;
import io.wiretag.story.Revision;
import io.wiretag.story.Story;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The real non-XML wire files of {@code ../shared/fixtures/wire/} through {@link FormatDetector#standard()}:
 * detection, story count, and per story the values read by hand from each file.
 */
class ByteAndJsonFixturesConformanceTest {
    private static final Path WIRE = Path.of("..", "shared", "fixtures", "wire");

    @BeforeAll
    static void fixturesPresent() {
        assumeTrue(Files.isDirectory(WIRE), "skipped: the shared wire fixtures folder " + WIRE + " is absent");
    }

    private static ParseResult parse(String file) throws IOException, ParseException {
        Path p = WIRE.resolve(file);
        return FormatDetector.standard().parse(new RawInput(Files.readAllBytes(p), null, null, p.toString(), Instant.EPOCH));
    }

    /** file, format detected, headline, version, pubStatus, revision, start of the body. */
    static Stream<Arguments> singleStoryFiles() {
        return Stream.of(
                Arguments.of("iptc-newsinjson/examples/1.4/ninjsExSimpleText1.json", "ninjs",
                        "Captain of wrecked cruise ship on trial in Italy", null, PubStatus.USABLE, Revision.NEW,
                        "GROSSETO, Italy (AP) -- The trial of the captain of the shipwrecked Costa Concordia"),
                Arguments.of("iptc-newsinjson/examples/2.1/ninjsExSimpleText_2.json", "ninjs",
                        "Captain of wrecked cruise ship on trial in Italy", null, PubStatus.USABLE, Revision.NEW,
                        "GROSSETO, Italy (AP) -- The trial of the captain of the shipwrecked Costa Concordia"),
                Arguments.of("iptc-newsinjson/examples/3.0/ninjsExSimpleText_3.json", "ninjs",
                        "Captain of wrecked cruise ship on trial in Italy", null, PubStatus.USABLE, Revision.NEW,
                        "GROSSETO, Italy (AP) -- The trial of the captain of the shipwrecked Costa Concordia"),
                Arguments.of("superdesk-core/ninjs1.json", "ninjs", "headline", "2", PubStatus.USABLE, Revision.UPDATE,
                        "The story so far."),
                Arguments.of("iptc-newsinjson/validation/test_suite/1.0/should_pass/023_pubstatus_canceled.json", "ninjs",
                        null, null, PubStatus.CANCELED, Revision.KILL, ""),
                Arguments.of("superdesk-core/ap_media_text_item.json", "ap-media", "BC-BBN--Top Ten", "0", PubStatus.USABLE,
                        Revision.NEW, ""),
                Arguments.of("superdesk-core/ap_media_text_feed.json", "ap-media", "BC-BBN--Top Ten", "0", PubStatus.USABLE,
                        Revision.NEW, ""),
                Arguments.of("superdesk-core/anpa-1.tst", "anpa", "For Argentine chemo patients, mirrors can hurt", "1",
                        PubStatus.USABLE, Revision.NEW, "BUENOS AIRES, Argentina (AP) \u2014 For cancer patients dealing with"),
                Arguments.of("superdesk-core/anpa-2.tst", "anpa", "Prairies vanish in the US push for green energy", "2",
                        PubStatus.USABLE, Revision.UPDATE, "ROSCOE, South Dakota (AP) \u2014 Robert Malsam nearly went broke"),
                Arguments.of("superdesk-core/anpa-3.tst", "anpa",
                        "Minimum and maximum temperatures in Fahrenheit, precipitation in inches and weather conditions as "
                                + "recorded for the previous day and forecast for the current and following day in each city as of 0700 GMT:",
                        "1", PubStatus.USABLE, Revision.NEW, "NEW YORK (AP) \u2014 Minimum and maximum temperatures in Fahrenheit"),
                Arguments.of("superdesk-core/ap_anpa-5.tst", "anpa",
                        "Hawaii files court challenge to Trump administration's definition of close U.S. relationship needed to avoid travel ban.",
                        "1", PubStatus.USABLE, Revision.NEW, "HONOLULU (AP) \u2014 Hawaii files court challenge"),
                Arguments.of("superdesk-belga/kyodo.txt", "anpa", "Soccer: Urawa Reds claim 7th Emperor's Cup by beating Vegalta Sendai",
                        "1", PubStatus.USABLE, Revision.NEW, "SAITAMA, Japan, Dec. 9 Kyodo - Urawa Reds claimed their seventh Emperor's Cup"),
                Arguments.of("superdesk-core/IPTC7901.txt", "iptc7901", "Germany Social Democrats: Coalition talks with Merkel could fail",
                        null, PubStatus.USABLE, Revision.NEW, "Berlin (dpa) - Negotiations between German conservatives headed by Chancellor"),
                Arguments.of("superdesk-core/dpa_two_line.txt", "iptc7901",
                        "Peace talks on Yemen to take place in Sweden next month, Mattis says", null, PubStatus.USABLE, Revision.NEW,
                        "Washington (dpa) - US Defence Secretary Jim Mattis says"),
                Arguments.of("superdesk-belga/ats.txt", "iptc7901", "Gilets jaunes: une \u00abcatastrophe pour notre \u00e9conomie\u00bb (Le Maire)",
                        null, PubStatus.USABLE, Revision.NEW, "Paris (ats afp) Les violences li\u00e9es aux manifestations des \u00abgilets jaunes\u00bb"),
                Arguments.of("dpa-digitalwires-to-newsmlg2/tests/data/input/dw-1.json", "dpa-digitalwires",
                        "\u00abMythos Jungfernh\u00e4utchen\u00bb - Zwischen Aufkl\u00e4rung und Kommerz", "2", PubStatus.USABLE,
                        Revision.CORRECTION, "Die meisten Kundinnen bestellen nur einmal, Rezensionen gibt es kaum."),
                Arguments.of("dpa-digitalwires-to-newsmlg2/tests/data/input/with_dateline.json", "dpa-digitalwires",
                        "DeepSeek-Schock aus China: Zeichen f\u00fcr KI-Zeitenwende?", "2", PubStatus.USABLE, Revision.UPDATE,
                        "New York (dpa) - Ein Chatbot aus China schockt die Wall Street"),
                Arguments.of("superdesk-aap/AAP201606060716291.tst", "zczc", "UGL continues project delay negotiation", null,
                        PubStatus.USABLE, Revision.NEW, "UGL\u2019s construction of the Ichthys SMP and CCPP projects"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("singleStoryFiles")
    void fileBecomesOneStoryWithTheValuesReadFromIt(String file, String format, String headline, String version,
                                                   PubStatus status, Revision revision, String bodyStart) throws Exception {
        ParseResult r = parse(file);
        assertEquals(1, r.stories().size(), file);
        assertTrue(r.failures().isEmpty(), r.failures().toString());
        Story s = r.stories().get(0);
        assertEquals(format, s.source().format(), "detected format");
        assertEquals(headline, s.headline());
        assertEquals(version, s.version());
        assertEquals(status, s.pubStatus());
        assertEquals(revision, s.revision());
        assertTrue(s.body().startsWith(bodyStart), () -> "body starts: " + s.body().substring(0, Math.min(120, s.body().length())));
        assertFalse(s.body().contains("\uFFFD"), "no replacement character");
        assertFalse(s.body().chars().anyMatch(c -> c != '\n' && Character.isISOControl(c)), "no control characters in the body");
    }

    @Test
    void ninjsWithARawNewlineInAStringIsRefusedWithWhereAndWhy() {
        ParseException e = assertThrows(ParseException.class,
                () -> parse("iptc-newsinjson/validation/test_suite/1.0/should_fail/009_body_text_with_cr.json"));
        assertTrue(e.getMessage().startsWith("ninjs: invalid JSON at line 3, column 42: illegal unquoted control character in a string"),
                e.getMessage());
    }

    @Test
    void dpaNotebookAndContactsStayOutOfTheBody() throws Exception {
        Story s = parse("superdesk-core/IPTC7901.txt").stories().get(0);
        assertFalse(s.body().contains("NOTEBOOK") || s.body().contains("Wolfgang Schmidt") || s.body().contains("dpa wsz"), s.body());
        assertTrue(s.editorNotes().contains("Reporting by: Wolfgang Schmidt"), s.editorNotes().toString());
        assertEquals(Instant.parse("2013-11-13T11:37:00Z"), s.versionCreated());
    }

    @Test
    void anpaFootersGiveTheVersionTimeAndTheUpdateSharesItsFamilyIdRule() throws Exception {
        Story first = parse("superdesk-core/anpa-1.tst").stories().get(0);
        assertEquals(Instant.parse("2013-11-13T15:09:00Z"), first.versionCreated());
        assertEquals("ap", first.source().provider());
        Story update = parse("superdesk-core/anpa-2.tst").stories().get(0);
        assertEquals("BC-US--Ethanol-Losing Grassland", update.slugline(), "the slug without the take key, so versions share an id");
        assertTrue(update.editorNotes().get(1).startsWith("Eds: Restores reference in 3rd paragraph"), update.editorNotes().toString());
    }

    @Test
    void tabularAgateKeepsItsRows() throws Exception {
        Story s = parse("superdesk-core/anpa-3.tst").stories().get(0);
        assertTrue(s.body().contains("\n\nAmsterdam;42;50;rn;0.08;39;52;pc;39;48;rn\n\nAthens;"), "one row per line");
    }

    @Test
    void latin1AndCp1252BytesAreRecovered() throws Exception {
        assertEquals("iso-8859-1", parse("superdesk-belga/ats.txt").stories().get(0).raw().detectedCharset());
        assertEquals("windows-1252", parse("superdesk-aap/AAP201606060716291.tst").stories().get(0).raw().detectedCharset());
    }

    @Test
    void digitalwiresCorrectionCarriesItsEdnotesAndMixedOffsets() throws Exception {
        Story s = parse("dpa-digitalwires-to-newsmlg2/tests/data/input/dw-1.json").stories().get(0);
        assertEquals(Instant.parse("2024-09-24T10:05:52Z"), s.versionCreated(), "12:05:52+02:00");
        assertTrue(s.editorNotes().stream().anyMatch(n -> n.startsWith("correctionshort: In einer fr\u00fcheren Version")), s.editorNotes().toString());
        assertEquals("Wagh\u00e4usel (dpa)", s.dateline());
    }
}
