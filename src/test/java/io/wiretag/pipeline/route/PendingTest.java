package io.wiretag.pipeline.route;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;

import io.wiretag.alerts.WatchAlert;
import io.wiretag.lifecycle.Fingerprint;
import io.wiretag.lifecycle.Fingerprints;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

/** What the router parks while a story waits for its verdicts must come back from the store as it went in. */
class PendingTest {
    private static final Instant AT = Instant.parse("2024-03-01T10:15:00Z");

    @Test
    void aVersionWithItsWatchesAndALaterKillComeBackInOrder() {
        Fingerprint f = Fingerprints.of("wire:1", AT.toEpochMilli(), "Russian forces struck the port of Odesa overnight, officials said.");
        RouteCard card = new RouteCard("wire:1", "Strike on Odesa", 3, "wire", "2", AT, AT.toEpochMilli(), false,
                List.of(new RouteCard.Named("ukraine-war", "Ukraine war")), List.of(new RouteCard.Named("odesa", "Odesa")));
        WatchAlert watch = new WatchAlert("watch:ports:wire:1:2", "watch", AT, "ports", "wire:1", "2", "Strike on Odesa",
                List.of("entity:odesa"));
        byte[] json = "{\"id\":\"wire:1\",\"headline\":\"Strike on Odesa – Одеса\"}".getBytes(StandardCharsets.UTF_8);
        byte[] kill = "{\"id\":\"wire:1\",\"pubStatus\":\"canceled\"}".getBytes(StandardCharsets.UTF_8);

        Pending in = new Pending(List.of(new Pending.Version(card, f, json, List.of(watch, watch)), new Pending.Kill(kill)));
        Pending out = Pending.decode(in.encode());

        assertEquals(2, out.items().size());
        Pending.Version v = assertInstanceOf(Pending.Version.class, out.items().get(0));
        assertEquals(card, v.card());
        assertEquals(List.of(watch, watch), v.watches());
        assertArrayEquals(json, v.json());
        assertEquals(f.storyId(), v.fingerprint().storyId());
        assertEquals(f.exact(), v.fingerprint().exact());
        assertArrayEquals(f.minHash(), v.fingerprint().minHash());
        assertEquals(1.0, Fingerprints.similarity(f, v.fingerprint()));
        assertArrayEquals(kill, assertInstanceOf(Pending.Kill.class, out.items().get(1)).json());
    }

    @Test
    void nothingWaitingIsAnEmptyList() {
        assertEquals(List.of(), Pending.decode(new Pending(List.of()).encode()).items());
    }
}
