package io.wiretag.lifecycle;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.junit.jupiter.api.Test;

class RoutingTest {
    @Test
    void aVersionThatChangesTopicsRetractsFromTheOnesItLeft() {
        Routing.Plan p = Routing.forVersion(List.of("ukraine-war", "us-russia-relations"), List.of("us-russia-relations", "russia-sanctions"));
        assertEquals(List.of("us-russia-relations", "russia-sanctions"), p.publish());
        assertEquals(List.of("ukraine-war"), p.retract());
    }

    @Test
    void aFirstVersionRetractsNothing() {
        assertEquals(new Routing.Plan(List.of("ukraine-war"), List.of()), Routing.forVersion(List.of(), List.of("ukraine-war")));
    }

    @Test
    void aKillRetractsFromEveryLiveTopicOnce() {
        assertEquals(new Routing.Plan(List.of(), List.of("a", "b")), Routing.forKill(List.of("a", "b", "a")));
    }
}
