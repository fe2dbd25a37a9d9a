package io.wiretag.pipeline;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.wiretag.alerts.QuietState;
import io.wiretag.pipeline.lifecycle.StoryState;
import io.wiretag.pipeline.lifecycle.StoryStateSerde;
import io.wiretag.pipeline.route.StoryCardSerde;
import io.wiretag.pipeline.trends.QuietStateSerde;
import io.wiretag.story.Json;
import io.wiretag.views.StoryCard;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import org.apache.kafka.common.errors.SerializationException;
import org.junit.jupiter.api.Test;

/** The story states, dashboard cards and feed states the stores keep come back as they went in, and old JSON values still read. */
class CompactSerdeTest {
    private static final Instant CREATED = Instant.parse("2024-03-01T10:15:30.250Z");

    /** Every field set to something other than its default, so a field written or read out of order shows. */
    private static final StoryState IN_FLIGHT = new StoryState("3", CREATED, "9f2c41d0a7", false, "1709288130250|wire:7",
            1_709_288_200_123L, List.of("ukraine-war", "us-russia-relations"), true, "Удари по Харкову: Kharkiv struck overnight",
            null, 2, 3, "afp:1", 1_709_280_000_000L, true, true, 1_709_288_200_500L, List.of("*", "ukraine-war"));

    @Test
    void aStoryStateComesBackEqualAndSmallerThanItsJson() {
        for (StoryState s : List.of(IN_FLIGHT, StoryState.NONE,
                IN_FLIGHT.killedBy(IN_FLIGHT.stamp(), 5).routed(List.of(), "Kill", "reuters:9", -1))) {
            byte[] compact = StoryStateSerde.SERDE.encode(s);
            assertEquals(s, StoryStateSerde.SERDE.decode(compact));
            assertTrue(compact.length < Json.bytes(s).length, compact.length + " bytes against " + Json.bytes(s).length + " of JSON");
        }
    }

    @Test
    void aStoryInFlightTakesLessThanHalfItsJson() {
        int compact = StoryStateSerde.SERDE.encode(IN_FLIGHT).length;
        int json = Json.bytes(IN_FLIGHT).length;
        assertTrue(compact * 2 < json, compact + " bytes against " + json + " of JSON");
    }

    @Test
    void aStoryStateWrittenAsJsonByAnEarlierReleaseStillReads() {
        // What a store restored from a changelog written before the compact form holds.
        assertEquals(IN_FLIGHT, StoryStateSerde.SERDE.decode(Json.bytes(IN_FLIGHT)));
        assertEquals(StoryState.NONE.awaitingVerdicts(4), StoryStateSerde.SERDE.decode(Json.bytes(StoryState.NONE.awaitingVerdicts(4))));
    }

    @Test
    void aCardComesBackEqualWithAnyUrgencyOrNone() {
        StoryCard card = new StoryCard("wire:7", "Kharkiv struck – Харків", 1, "wire", CREATED, CREATED.plusSeconds(2),
                List.of("Ukraine war"), List.of("Kharkiv", "Russia"));
        StoryCard noUrgency = new StoryCard("wire:8", null, null, null, null, CREATED, List.of(), List.of());
        StoryCard oddUrgency = new StoryCard("wire:9", "x", -1, "wire", CREATED, CREATED, List.of(), List.of());
        for (StoryCard c : List.of(card, noUrgency, oddUrgency)) {
            assertEquals(c, StoryCardSerde.SERDE.decode(StoryCardSerde.SERDE.encode(c)));
            assertEquals(c, StoryCardSerde.SERDE.decode(Json.bytes(c)));
        }
    }

    @Test
    void aFeedStateComesBackEqual() {
        for (QuietState q : List.of(new QuietState(CREATED, 1_234, 97.25, true), new QuietState(null, 0, Double.NaN, false))) {
            assertEquals(q, QuietStateSerde.SERDE.decode(QuietStateSerde.SERDE.encode(q)));
        }
        QuietState learned = new QuietState(CREATED, 12, 61.5, false);
        assertEquals(learned, QuietStateSerde.SERDE.decode(Json.bytes(learned)));
    }

    @Test
    void aValueCutShortOrOfAnotherFormatIsOneClearError() {
        byte[] whole = StoryStateSerde.SERDE.encode(IN_FLIGHT);
        SerializationException cut = assertThrows(SerializationException.class,
                () -> StoryStateSerde.SERDE.decode(Arrays.copyOf(whole, whole.length / 2)));
        assertTrue(cut.getMessage().contains("cut short or corrupt"), cut.getMessage());
        SerializationException other = assertThrows(SerializationException.class,
                () -> StoryStateSerde.SERDE.decode(new byte[] {7, 1, 2}));
        assertTrue(other.getMessage().contains("format byte 7"), other.getMessage());
    }
}
