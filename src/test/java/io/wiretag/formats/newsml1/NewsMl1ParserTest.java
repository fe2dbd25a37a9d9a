package io.wiretag.formats.newsml1;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.wiretag.formats.FormatDetector;
import io.wiretag.formats.ParseException;
import io.wiretag.formats.ParseResult;
import io.wiretag.formats.xml.Samples;
import io.wiretag.story.PubStatus;
import io.wiretag.story.Revision;
import io.wiretag.story.Story;
import io.wiretag.story.Subject;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

class NewsMl1ParserTest {
    @Test
    void afpSecondRevisionKeepsTheFamilyIdAndIsAnUpdate() throws ParseException {
        Story s = FormatDetector.standard().parse(Samples.resource("newsml1/afp-revision-2.xml")).stories().get(0);

        assertEquals("newsml-1", s.source().format());
        assertEquals("afp:urn:newsml:afp.com:20250301T095000Z:TX-PAR-WT001", s.id(), "the revision is not part of the id");
        assertEquals("2", s.version());
        assertEquals(Revision.UPDATE, s.revision());
        assertEquals(PubStatus.USABLE, s.pubStatus());
        assertEquals(3, s.urgency());
        assertEquals("fr", s.language());
        assertEquals("Le gouvernement présente son budget", s.headline());
        assertEquals("France-politique", s.slugline());
        assertEquals("PARIS, 1 mars 2025 (AFP) -", s.dateline());
        assertEquals("Paris", s.located());
        assertEquals(Instant.parse("2025-03-01T09:55:00Z"), s.versionCreated());
        assertEquals(Instant.parse("2025-03-01T09:45:00Z"), s.firstCreated());
        assertEquals(List.of(new Subject("subj:11000000", null)), s.subjects());
        assertEquals("Le gouvernement a présenté samedi son budget.\n\nLe texte sera débattu la semaine prochaine.", s.body());
        assertEquals(List.of("abc/def/xy"), s.editorNotes(), "AFP's closing initials are for editors");
    }

    @Test
    void tassProfileReadsNestedComponentsItsOwnGuidAndCancellation() throws ParseException {
        Story s = FormatDetector.standard().parse(Samples.resource("newsml1/tass-nested.xml")).stories().get(0);

        assertEquals("tass:WT0000TASS0001", s.id());
        assertEquals(Revision.KILL, s.revision());
        assertEquals(PubStatus.CANCELED, s.pubStatus());
        assertEquals(2, s.urgency());
        assertEquals("Sample statement withdrawn", s.headline());
        assertEquals("March 1", s.dateline());
        assertEquals("en", s.language());
        assertEquals(Instant.parse("2025-03-01T10:27:08Z"), s.versionCreated(), "a zone-less compact date is UTC");
        assertEquals("MOSCOW, March 1. /TASS/. The statement is withdrawn.", s.body());
    }

    @Test
    void itemWithoutHeadlineOrTextFailsAloneWhileTheOtherIsDelivered() throws ParseException {
        String xml = """
                <NewsML><NewsItem><Identification><NewsIdentifier><ProviderId>afp.com</ProviderId><DateId>20250301</DateId>
                <NewsItemId>EMPTY</NewsItemId><RevisionId>1</RevisionId></NewsIdentifier></Identification></NewsItem>
                <NewsItem><Identification><NewsIdentifier><ProviderId>afp.com</ProviderId><DateId>20250301</DateId>
                <NewsItemId>GOOD</NewsItemId><RevisionId>1</RevisionId></NewsIdentifier></Identification>
                <NewsComponent><NewsLines><HeadLine>Good item</HeadLine></NewsLines></NewsComponent></NewsItem></NewsML>""";

        ParseResult r = new NewsMl1Parser().parse(Samples.utf8(xml));

        assertEquals(1, r.stories().size());
        assertEquals("afp:urn:newsml:afp.com:20250301:GOOD", r.stories().get(0).id());
        assertEquals(0, r.failures().get(0).index());
        assertTrue(r.failures().get(0).reason().contains("'urn:newsml:afp.com:20250301:EMPTY' has neither a HeadLine nor text"),
                r.failures().get(0).reason());
    }

    @Test
    void envelopeWithoutNewsItemIsNoStory() {
        ParseException e = assertThrows(ParseException.class,
                () -> new NewsMl1Parser().parse(Samples.utf8("<NewsML><NewsEnvelope/></NewsML>")));

        assertEquals("newsml-1: NewsML holds no NewsItem (an envelope only, not a story)", e.getMessage());
    }

    @Test
    void anotherRootElementIsRefusedByName() {
        ParseException e = assertThrows(ParseException.class, () -> new NewsMl1Parser().parse(Samples.utf8("<nitf/>")));

        assertEquals("newsml-1: root element is <nitf>, not <NewsML>", e.getMessage());
    }
}
