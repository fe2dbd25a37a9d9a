package io.wiretag.formats.hostile;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.wiretag.formats.FormatDetector;
import io.wiretag.formats.ParseException;
import io.wiretag.formats.ParseResult;
import io.wiretag.formats.RawInput;
import io.wiretag.story.Json;
import io.wiretag.story.Story;
import io.wiretag.story.Tags;
import io.wiretag.tagging.Tagger;
import io.wiretag.tagging.Taxonomy;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

/**
 * Inputs built to hurt: each one is read or refused with a reason, within a deadline. The inputs are
 * generated here, never committed. Figures (time, peak heap) are printed per case.
 */
class HostileInputsTest {
    private static final int MB = 1024 * 1024;
    private final FormatDetector detector = FormatDetector.standard();

    private static RawInput input(byte[] bytes, String hint) {
        return new RawInput(bytes, hint, null, "hostile", Instant.parse("2025-03-01T00:00:00Z"));
    }

    /** Parses, or returns the refusal: either is fine for a hostile input, hanging or a bare exception is not. */
    private Object readOrRefuse(byte[] bytes, String hint) {
        try {
            return detector.parse(input(bytes, hint));
        } catch (ParseException e) {
            return e;
        }
    }

    @Test
    void tenMegabytePlainTextStoryIsRead() {
        StringBuilder sb = new StringBuilder("Harbour story of ten megabytes\n\n");
        String paragraph = "The ferry left the harbour at dawn and the council met to discuss the expansion again. ";
        while (sb.length() < 10 * MB) {
            sb.append(paragraph).append(paragraph).append("\n\n");
        }
        byte[] bytes = sb.toString().getBytes(StandardCharsets.UTF_8);
        Object r = Measured.run("10 MB plain-text story", Duration.ofSeconds(30), () -> readOrRefuse(bytes, null));
        Story s = assertInstanceOfResult(r).stories().get(0);
        assertTrue(s.body().length() > 9 * MB, "the whole text is the body: " + s.body().length());
        assertEquals("Harbour story of ten megabytes", s.headline());
    }

    @Test
    void aStoryOfThreeMegabytesFullOfNamesIsTaggedInBoundedTime() {
        // Each rule of the name finder that looks around a name must do so in a step or a few: a story of a hundred
        // thousand names (a results archive, a feed's dump) is tagged in seconds, not in hours.
        StringBuilder sb = new StringBuilder("Archive of results\n\n");
        String paragraph = "Member of Parliament Tony Marlow said the Rubber Board of India and China Airlines met. USA III "
                + "and Canada I (Pierre Lueders, Dave MacEachern) won. The National Alliance (AN) said AN leader "
                + "Gianfranco Fini met Bill Jordan. Jordan said Ohio State beat Virginia Tech 21-14 in the league at "
                + "the Zimbabwe Open, between Real Madrid and Barcelona. Arsenal 2 (Adams 45) Derby 2 (Sturridge 62).\n\n";
        while (sb.length() < 3 * MB) {
            sb.append(paragraph);
        }
        byte[] bytes = sb.toString().getBytes(StandardCharsets.UTF_8);
        Story story = assertInstanceOfResult(readOrRefuse(bytes, null)).stories().get(0);
        Tagger tagger = Tagger.compile(Taxonomy.load(Path.of("config/taxonomy")));
        Tags tags = Measured.run("3 MB story of names, tagged", Duration.ofSeconds(20), () -> tagger.tag(story));
        assertTrue(tags.entityIds().contains("unlinked:organisation:rubber-board-of-india"), tags.entityIds().toString());
        assertTrue(tags.entityIds().contains("unlinked:person:bill-jordan"), tags.entityIds().toString());
    }

    @Test
    void tenMegabyteNitfStoryIsRead() {
        StringBuilder sb = new StringBuilder("<?xml version=\"1.0\"?><nitf><head><title>Big</title></head><body>"
                + "<body.head><hedline><hl1>Harbour story of ten megabytes</hl1></hedline></body.head><body.content>");
        while (sb.length() < 10 * MB) {
            sb.append("<p>The ferry left the harbour at dawn and the council met to discuss the expansion again.</p>\n");
        }
        sb.append("</body.content></body></nitf>");
        byte[] bytes = sb.toString().getBytes(StandardCharsets.UTF_8);
        Object r = Measured.run("10 MB NITF story", Duration.ofSeconds(60), () -> readOrRefuse(bytes, null));
        Story s = assertInstanceOfResult(r).stories().get(0);
        assertTrue(s.body().length() > 9 * MB, "the whole text is the body: " + s.body().length());
    }

    @Test
    void tenMegabyteNinjsStoryWithAnHtmlBodyIsRead() {
        StringBuilder html = new StringBuilder();
        while (html.length() < 10 * MB) {
            html.append("<p>The ferry left the harbour at dawn and the council met again.</p>");
        }
        String json = "{\"uri\": \"urn:x:big\", \"headline\": \"Harbour\", \"body_html\": \"" + html + "\"}";
        byte[] bytes = json.getBytes(StandardCharsets.UTF_8);
        Object r = Measured.run("10 MB ninjs story, HTML body", Duration.ofSeconds(60), () -> readOrRefuse(bytes, null));
        Story s = assertInstanceOfResult(r).stories().get(0);
        assertTrue(s.body().length() > 9 * MB, "the whole text is the body: " + s.body().length());
    }

    /** An RSS feed of {@code n} small items, after {@code prolog} (an XML declaration, maybe a DOCTYPE). */
    static byte[] rss(String prolog, int n) {
        StringBuilder sb = new StringBuilder(prolog + "<rss version=\"2.0\"><channel><title>T</title>"
                + "<link>https://example.com/</link>\n");
        for (int i = 0; i < n; i++) {
            sb.append("<item><title>Story ").append(i).append("</title><guid>urn:x:").append(i)
                    .append("</guid><description>Text of story ").append(i).append(".</description></item>\n");
        }
        sb.append("</channel></rss>");
        return sb.toString().getBytes(StandardCharsets.UTF_8);
    }

    static long liveHeap() {
        System.gc();
        return Runtime.getRuntime().totalMemory() - Runtime.getRuntime().freeMemory();
    }

    /**
     * Streams a feed to a sink that keeps nothing; returns how much more heap is live (after a collection) at
     * its middle item than before the read began, whatever other tests left in this JVM.
     */
    static long liveHeapHalfwayThrough(byte[] feed, int items) throws Exception {
        long before = liveHeap();
        long[] live = {-1};
        int[] seen = {0};
        ParseResult.Streamed s = FormatDetector.standard().stream(new RawInput(feed, null, null, "feed.xml", Instant.EPOCH), story -> {
            if (++seen[0] == items / 2) {
                live[0] = liveHeap() - before;
            }
        });
        assertEquals(items, s.stories());
        return live[0];
    }

    @Test
    void aFeedOfManyItemsIsHandedOnItemByItemNeverHeldWhole() throws Exception {
        int n = 100_000;
        long streamed = liveHeapHalfwayThrough(rss("<?xml version=\"1.0\"?>", n), n);
        // A DOCTYPE sends the same feed down the path that reads a document whole (the DOM, then every item).
        long whole = liveHeapHalfwayThrough(rss("<?xml version=\"1.0\"?><!DOCTYPE rss>", n), n);
        System.out.printf("hostile: RSS, %,d items, heap live halfway beyond the input: streamed %d MB, read whole %d MB%n", n, streamed / MB, whole / MB);
        assertTrue(streamed * 2 < whole, "streamed " + streamed / MB + " MB live halfway, read whole " + whole / MB + " MB");
    }

    @Test
    void rssWithOneHundredThousandItemsIsReadInLinearTime() {
        byte[] bytes = rss("<?xml version=\"1.0\"?>", 100_000);
        assertTrue(bytes.length < FormatDetector.DEFAULT_MAX_BYTES, "under the input limit: " + bytes.length);
        Object r = Measured.run("RSS, 100,000 items (" + bytes.length / MB + " MB)", Duration.ofSeconds(90), () -> readOrRefuse(bytes, null));
        ParseResult result = assertInstanceOfResult(r);
        assertEquals(100_000, result.stories().size());
        assertEquals("Story 99999", result.stories().get(99_999).headline());
    }

    @Test
    void jsonNestedOneHundredThousandDeepIsRefusedWithAReason() {
        String deepObject = "{\"uri\": \"urn:x:1\", \"headline\": \"h\", \"body_text\": \"t\", \"x\": "
                + "{\"a\": ".repeat(100_000) + "1" + "}".repeat(100_001);
        Object r = Measured.run("JSON objects nested 100,000 deep", Duration.ofSeconds(20),
                () -> readOrRefuse(deepObject.getBytes(StandardCharsets.UTF_8), null));
        ParseException e = assertInstanceOfRefusal(r);
        assertTrue(e.getMessage().startsWith("ninjs: invalid JSON") && e.getMessage().contains("nesting depth"), e.getMessage());

        String deepArray = "[".repeat(100_000) + "]".repeat(100_000);
        Object a = Measured.run("JSON arrays nested 100,000 deep (as ninjs)", Duration.ofSeconds(20),
                () -> readOrRefuse(deepArray.getBytes(StandardCharsets.UTF_8), "ninjs"));
        assertTrue(assertInstanceOfRefusal(a).getMessage().contains("nesting depth"), ((Exception) a).getMessage());
    }

    @Test
    void anpaFileOfOneMillionLinesIsReadOrRefused() {
        ByteArrayOutputStream out = new ByteArrayOutputStream(12 * MB);
        out.writeBytes("\026\026\001W0001\037world\nr a\023\021 BC-Long-Story     03-01 9999\n\002^BC-Long-Story,9999<\n^A very long story<\n"
                .getBytes(StandardCharsets.ISO_8859_1));
        byte[] line = "\t   Ferry.\n".getBytes(StandardCharsets.ISO_8859_1);
        for (int i = 0; i < 1_000_000; i++) {
            out.writeBytes(line);
        }
        out.writeBytes("\t   \003AP-WF-03-01-25 1200GMT<\n\004".getBytes(StandardCharsets.ISO_8859_1));
        byte[] bytes = out.toByteArray();
        Object r = Measured.run("ANPA, 1,000,000 lines (" + bytes.length / MB + " MB)", Duration.ofSeconds(60), () -> readOrRefuse(bytes, null));
        Story s = assertInstanceOfResult(r).stories().get(0);
        assertEquals("A very long story", s.headline());
        assertTrue(s.body().startsWith("Ferry.\n\nFerry."), s.body().substring(0, 40));
    }

    @Test
    void invalidUtf8InEveryFieldIsReadAsSingleByteTextOrRefused() {
        byte[] bad = {(byte) 0xC3, (byte) 0x28, (byte) 0xFF, (byte) 0xE2, (byte) 0x82};
        String[] formats = {
            "{\"uri\": \"urn:x:@\", \"headline\": \"Head @\", \"byline\": \"By @\", \"located\": \"Town @\", \"body_text\": \"Body @ text.\"}",
            "<?xml version=\"1.0\" encoding=\"UTF-8\"?><rss version=\"2.0\"><channel><title>@</title><item><title>Head @</title>"
                    + "<guid>urn:@</guid><author>By @</author><category>@</category><description>Body @ text.</description></item></channel></rss>",
            "<?xml version=\"1.0\" encoding=\"UTF-8\"?><nitf><head><docdata><doc-id id-string=\"@\"/></docdata></head><body><body.head>"
                    + "<hedline><hl1>Head @</hl1></hedline><byline>By @</byline></body.head><body.content><p>Body @ text.</p></body.content></body></nitf>",
            "\026\026\001W0002\037world\nr a\023\021 BC-@     03-01 0010\n\002^BC-@,10<\n^Head @<\n\t   Body @ text.\n\t   \003AP-WF-03-01-25 1200GMT<\n\004",
        };
        for (String f : formats) {
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            for (char c : f.toCharArray()) {
                if (c == '@') {
                    out.writeBytes(bad);
                } else {
                    out.write(c);
                }
            }
            byte[] bytes = out.toByteArray();
            Object r = Measured.run("invalid UTF-8 in every field (" + f.substring(0, 5).replaceAll("\\p{Cntrl}", "?") + ")",
                    Duration.ofSeconds(10), () -> readOrRefuse(bytes, null));
            if (r instanceof ParseException e) {
                assertFalse(e.getMessage().isBlank());
                continue;
            }
            for (Story s : assertInstanceOfResult(r).stories()) {
                assertTrue(s.headline().startsWith("Head "), s.headline());
                assertFalse(s.headline().contains("\uFFFD") || s.body().contains("\uFFFD"), "bytes read as cp1252, not replaced: " + s.body());
                assertFalse(s.body().chars().anyMatch(c -> c != '\n' && Character.isISOControl(c)), "no control character in " + s.body());
                assertTrue(Json.write(s).contains("\"headline\":\"Head "), "the story serialises");
            }
        }
    }

    private static ParseResult assertInstanceOfResult(Object r) {
        if (r instanceof ParseException e) {
            throw new AssertionError("refused: " + e.getMessage(), e);
        }
        ParseResult result = (ParseResult) r;
        assertFalse(result.stories().isEmpty());
        return result;
    }

    private static ParseException assertInstanceOfRefusal(Object r) {
        return assertThrows(ParseException.class, () -> {
            if (r instanceof ParseException e) {
                throw e;
            }
        }, "expected a refusal, got " + r);
    }
}
