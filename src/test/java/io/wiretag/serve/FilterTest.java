package io.wiretag.serve;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.wiretag.story.Json;
import io.wiretag.views.StoryCard;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

class FilterTest {
    static JsonNode alert(String json) {
        return Json.read(json, JsonNode.class);
    }

    @Test
    void storiesAreKeptByTheEntitysNameOrTheIdItsNameSlugsTo() {
        StoryCard card = new StoryCard("a:1", "h", 2, "wire", Instant.EPOCH, Instant.EPOCH, List.of("Ukraine war"), List.of("Vladimir Putin", "U.S."));
        assertTrue(new Filter(null, "vladimir-putin", null).matches(card));
        assertTrue(new Filter(null, "united-states", "U.S.").matches(card));
        assertFalse(new Filter(null, "donald-trump", "Donald Trump").matches(card));
        assertTrue(Filter.NONE.matches(card));
    }

    @Test
    void alertsAreKeptWhenTheyAreAboutTheTopicOrEntity() {
        JsonNode surge = alert("{\"kind\":\"surge\",\"key\":\"entity:vladimir-putin\"}");
        JsonNode breaking = alert("{\"kind\":\"breaking\",\"storyId\":\"a:1\",\"topics\":[\"ukraine-war\"]}");
        JsonNode watch = alert("{\"kind\":\"watch\",\"storyId\":\"a:2\",\"matched\":[\"entity:vladimir-putin\",\"entity:donald-trump\"]}");
        Filter putin = new Filter(null, "vladimir-putin", "Vladimir Putin");
        assertTrue(putin.matches(surge));
        assertTrue(putin.matches(watch));
        assertFalse(putin.matches(breaking), "a breaking alert names topics only");
        assertTrue(putin.withStories(Set.of("a:1")).matches(breaking), "unless its story is one that mentions him");
        assertTrue(new Filter("ukraine-war", null, null).matches(breaking));
        assertFalse(new Filter("ukraine-war", null, null).matches(surge));
        assertFalse(new Filter("ukraine-war", "vladimir-putin", null).matches(watch), "both must hold");
    }
}
