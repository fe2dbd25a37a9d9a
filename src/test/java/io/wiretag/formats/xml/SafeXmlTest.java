package io.wiretag.formats.xml;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.wiretag.formats.FormatDetector;
import io.wiretag.formats.ParseException;
import io.wiretag.story.Json;
import io.wiretag.story.Story;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Hostile XML must end in a ParseException with a reason, quickly, and never leak a file into a story. */
class SafeXmlTest {
    private static final String SECRET = "wiretag-secret-7f3a";

    @TempDir
    Path dir;

    @Test
    void xxeReadingALocalFileIsRefusedAndTheFileNeverLeaks() throws Exception {
        Path secret = Files.writeString(dir.resolve("secret.txt"), SECRET);
        String xml = "<?xml version=\"1.0\"?>\n<!DOCTYPE nitf [<!ENTITY xxe SYSTEM \"" + secret.toUri() + "\">]>\n"
                + "<nitf><body><body.head><hedline><hl1>&xxe;</hl1></hedline></body.head></body></nitf>";

        ParseException e = assertThrows(ParseException.class,
                () -> FormatDetector.standard().parse(Samples.utf8(xml)));

        assertTrue(e.getMessage().startsWith("nitf: refused: the DOCTYPE declares the external entity 'xxe'"), e.getMessage());
        assertFalse(e.getMessage().contains(SECRET));
    }

    @Test
    void parameterEntityXxeIsRefused() {
        String xml = "<!DOCTYPE rss [<!ENTITY % remote SYSTEM \"http://example.invalid/x.dtd\"> %remote;]><rss/>";

        ParseException e = assertThrows(ParseException.class,
                () -> FormatDetector.standard().parse(Samples.utf8(xml)));

        assertTrue(e.getMessage().startsWith("rss: refused: the DOCTYPE declares the external entity 'remote'"), e.getMessage());
    }

    @Test
    void externalDtdIsNeverFetchedSoItsEntitiesNeverReachTheStory() throws Exception {
        Path dtd = Files.writeString(dir.resolve("evil.dtd"), "<!ENTITY secret \"" + SECRET + "\">");
        String xml = "<!DOCTYPE nitf SYSTEM \"" + dtd.toUri() + "\">\n"
                + "<nitf><body><body.head><hedline><hl1>Alert &secret; here</hl1></hedline></body.head>"
                + "<body.content><p>Text &secret; more.</p></body.content></body></nitf>";

        Story story = FormatDetector.standard().parse(Samples.utf8(xml)).stories().get(0);

        assertEquals("Alert here", story.headline());
        assertEquals("Text more.", story.body());
        assertFalse(Json.write(story).contains(SECRET));
    }

    @Test
    void billionLaughsEndsInAParseExceptionInBoundedTime() {
        StringBuilder dtd = new StringBuilder("<!DOCTYPE lolz [<!ENTITY lol \"lol\">");
        dtd.append("<!ENTITY lol1 \"&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;\">");
        for (int i = 2; i <= 9; i++) {
            dtd.append("<!ENTITY lol").append(i).append(" \"");
            dtd.append(("&lol" + (i - 1) + ";").repeat(10)).append("\">");
        }
        String xml = dtd + "]>\n<newsItem guid=\"x\" version=\"1\"><itemMeta/><contentMeta><headline>&lol9;</headline></contentMeta></newsItem>";

        ParseException e = assertTimeoutPreemptively(Duration.ofSeconds(10),
                () -> assertThrows(ParseException.class, () -> FormatDetector.standard().parse(Samples.utf8(xml))));

        assertTrue(e.getMessage().startsWith("newsml-g2: refused: entity expansion over wiretag's limit"), e.getMessage());
    }

    @Test
    void feedsAreNotReadLenientlyAroundARefusedEntity() {
        String xml = "<!DOCTYPE rss [<!ENTITY x SYSTEM \"file:///etc/hostname\">]><rss><channel><item><title>&x;</title></item>";

        ParseException e = assertThrows(ParseException.class,
                () -> FormatDetector.standard().parse(Samples.utf8(xml)));

        assertTrue(e.getMessage().contains("refused"), e.getMessage());
    }

    @Test
    void nestingBeyondTheDepthBoundIsRefused() {
        String xml = "<nitf>" + "<div>".repeat(SafeXml.MAX_DEPTH + 10) + "x" + "</div>".repeat(SafeXml.MAX_DEPTH + 10) + "</nitf>";

        ParseException e = assertThrows(ParseException.class, () -> SafeXml.parseStrict("nitf", xml));

        assertTrue(e.getMessage().startsWith("nitf: refused: elements nested deeper than " + SafeXml.MAX_DEPTH), e.getMessage());
    }

    @Test
    void harmlessInternalEntitiesAreExpanded() throws ParseException {
        String xml = "<!DOCTYPE nitf [<!ENTITY agency \"Example Wire\">]><nitf><p>&agency; reports</p></nitf>";

        assertEquals("Example Wire reports", SafeXml.parseStrict("nitf", xml).getDocumentElement().getTextContent());
    }

    @Test
    void declaredCharsetIsReadFromTheXmlDeclarationEvenAfterABom() {
        byte[] bytes = "\uFEFF<?xml version='1.0' encoding='ISO-8859-1'?><a/>".getBytes(StandardCharsets.UTF_8);

        assertEquals("iso-8859-1", SafeXml.declaredCharset(bytes));
        assertEquals("<?xml version='1.0' encoding='ISO-8859-1'?><a/>", SafeXml.decode(bytes).xml());
    }
}
