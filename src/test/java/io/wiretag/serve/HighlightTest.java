package io.wiretag.serve;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.wiretag.story.EntityTag;
import io.wiretag.story.Mention;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.apache.kafka.clients.producer.internals.BuiltInPartitioner;
import org.junit.jupiter.api.Test;

class HighlightTest {
    static EntityTag entity(String id, String name, Mention... mentions) {
        return new EntityTag(id, name, "person", null, 0.9, List.of(mentions));
    }

    @Test
    void marksEachMentionAtItsOffsetsAndLinksItToItsEntity() {
        String body = "Russian President Vladimir Putin spoke to Donald Trump.";
        List<EntityTag> tags = List.of(
                entity("vladimir-putin", "Vladimir Putin", new Mention("body", 18, 32, "Vladimir Putin")),
                entity("donald-trump", "Donald Trump", new Mention("body", 42, 54, "Donald Trump"), new Mention("headline", 0, 5, "Trump")));
        assertEquals("Russian President <a class=\"mention\" href=\"/?entity=vladimir-putin\" title=\"Vladimir Putin\" data-entity=\"vladimir-putin\">"
                + "<mark>Vladimir Putin</mark></a> spoke to <a class=\"mention\" href=\"/?entity=donald-trump\" title=\"Donald Trump\""
                + " data-entity=\"donald-trump\"><mark>Donald Trump</mark></a>.", Highlight.html("body", body, tags));
        assertEquals("<a class=\"mention\" href=\"/?entity=donald-trump\" title=\"Donald Trump\" data-entity=\"donald-trump\"><mark>Trump</mark></a>"
                + " calls", Highlight.html("headline", "Trump calls", tags), "only the headline's mentions in the headline");
    }

    @Test
    void aDemonymIsMarkedAsOneAndLinkedToItsCountry() {
        String body = "Polish farmers met Poland's ministers.";
        EntityTag poland = new EntityTag("poland", "Poland", "country", null, 0.8, List.of(new Mention("body", 19, 25, "Poland")),
                Boolean.TRUE, List.of(new Mention("body", 0, 6, "Polish")));
        assertEquals("<a class=\"mention demonym\" href=\"/?entity=poland\" title=\"Poland (demonym)\" data-entity=\"poland\">"
                + "<mark>Polish</mark></a> farmers met <a class=\"mention\" href=\"/?entity=poland\" title=\"Poland\""
                + " data-entity=\"poland\"><mark>Poland</mark></a>&#39;s ministers.", Highlight.html("body", body, List.of(poland)));
    }

    @Test
    void aPlaceInsideALongerNameGivesWayToItAndInsideACompoundIsMarked() {
        String body = "The Rubber Board of India met before UK-US talks.";
        EntityTag board = new EntityTag("unlinked:organisation:rubber-board-of-india", "Rubber Board of India", "organisation",
                null, 0.4, List.of(new Mention("body", 4, 25, "Rubber Board of India")), Boolean.FALSE);
        EntityTag india = new EntityTag("india", "India", "country", null, 0.2, List.of(), Boolean.TRUE, List.of(),
                List.of(new Mention("body", 20, 25, "India")));
        EntityTag uk = new EntityTag("united-kingdom", "United Kingdom", "country", null, 0.2, List.of(), Boolean.TRUE, List.of(),
                List.of(new Mention("body", 37, 39, "UK")));
        String h = Highlight.html("body", body, List.of(board, india, uk));
        assertTrue(h.contains("<mark>Rubber Board of India</mark>"), h);
        assertFalse(h.contains("<mark>India</mark>"), "the longer name is marked, not the country inside it: " + h);
        assertTrue(h.contains("data-entity=\"united-kingdom\"><mark>UK</mark></a>-US talks"), h);
    }

    @Test
    void everythingAroundAndInsideAMentionIsEscaped() {
        String headline = "<script>alert('x')</script> & \"Putin\"";
        int at = headline.indexOf("Putin");
        String id = "a\"b<c";
        String h = Highlight.html("headline", headline, List.of(entity(id, "<b>Putin</b>", new Mention("headline", at, at + 5, "Putin"))));
        assertFalse(h.contains("<script") || h.contains("<b>"), h);
        assertTrue(h.startsWith("&lt;script&gt;alert(&#39;x&#39;)&lt;/script&gt; &amp; &quot;<a class=\"mention\""), h);
        assertTrue(h.contains("href=\"/?entity=a%22b%3Cc\""), "the id is URL-encoded in the link: " + h);
        assertTrue(h.contains("title=\"&lt;b&gt;Putin&lt;/b&gt;\""), h);
        assertTrue(h.endsWith("<mark>Putin</mark></a>&quot;"), h);
    }

    @Test
    void mentionsThatDoNotFitTheTextAreLeftUnmarked() {
        String text = "Putin met Zelenskyy in Kyiv \uD83D\uDE00 today";
        List<EntityTag> tags = List.of(
                entity("out", "Out", new Mention("body", 20, 99, null)),
                entity("wrong-text", "Wrong", new Mention("body", 0, 5, "Trump")),
                entity("backwards", "Backwards", new Mention("body", 5, 2, null)),
                entity("split-pair", "Split", new Mention("body", 29, 31, null)),
                entity("vladimir-putin", "Vladimir Putin", new Mention("body", 0, 5, "Putin")),
                entity("putin-again", "Overlap", new Mention("body", 2, 9, null)),
                entity("kyiv", "Kyiv", new Mention("body", 23, 27, "Kyiv")));
        List<Highlight.Span> spans = Highlight.spans("body", text, tags);
        assertEquals(List.of("vladimir-putin", "kyiv"), spans.stream().map(Highlight.Span::entityId).toList());
        String h = Highlight.html("body", text, tags);
        assertTrue(h.contains("\uD83D\uDE00 today"), "the emoji stays whole");
        assertEquals(2, h.split("<mark>", -1).length - 1, h);
    }

    @Test
    void aNameTheGazetteerDoesNotKnowIsMarkedAsUnlinked() {
        EntityTag unlinked = new EntityTag("unlinked:person:chalen-tatum", "Chalen Tatum", "person", null, 0.4,
                List.of(new Mention("body", 9, 21, "Chalen Tatum")), false);
        assertEquals("Chairman <a class=\"mention unlinked\" href=\"/?entity=unlinked%3Aperson%3Achalen-tatum\" title=\"Chalen Tatum"
                + " (not in the gazetteer)\" data-entity=\"unlinked:person:chalen-tatum\"><mark>Chalen Tatum</mark></a> said",
                Highlight.html("body", "Chairman Chalen Tatum said", List.of(unlinked)));
    }

    @Test
    void aNullOrUntaggedFieldIsPlainEscapedText() {
        assertEquals("", Highlight.html("body", null, List.of()));
        assertEquals("a &lt; b", Highlight.html("body", "a < b", List.of()));
    }

    @Test
    void theStoryIsLookedUpOnThePartitionTheProducerWroteItTo() {
        for (String id : List.of("wire:urn:test:hostile-1", "desk:ae9ed5fd64935bf8", "reuters:tag:reuters.com,0000:newsml_L1N14N0FF", "é")) {
            for (int partitions : new int[] {1, 4, 7, 12}) {
                assertEquals(BuiltInPartitioner.partitionForKey(id.getBytes(StandardCharsets.UTF_8), partitions),
                        StoryLookup.partitionOf(id, partitions), id + " on " + partitions);
            }
        }
    }

    @Test
    void entityNamesSlugToTheirIds() {
        assertEquals("vladimir-putin", Filter.slug("Vladimir Putin"));
        assertEquals("u-s-state-department", Filter.slug("U.S. State Department "));
        assertEquals("volodymyr-zelenskyy", Filter.slug("Volodymyr  Zelenskyy"));
    }
}
