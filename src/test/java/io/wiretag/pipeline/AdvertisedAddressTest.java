package io.wiretag.pipeline;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import io.wiretag.config.WiretagConfig;
import org.apache.kafka.streams.StreamsConfig;
import org.junit.jupiter.api.Test;

class AdvertisedAddressTest {
    @Test
    void theOthersReachThisInstanceAtItsBindAndPortOrTheAddressGiven() {
        WiretagConfig c = WiretagConfig.defaultsOnly();
        assertEquals("127.0.0.1:8080", StreamsSettings.advertised(c));
        assertEquals("127.0.0.1:8080", StreamsSettings.properties(c, "k:9092").get(StreamsConfig.APPLICATION_SERVER_CONFIG));
        assertEquals("wiretag-2:8080", StreamsSettings.advertised(c.with(WiretagConfig.HTTP_ADVERTISED, "wiretag-2:8080")));
    }

    @Test
    void aWildcardBindIsNotAnAddressAnotherInstanceCouldUse() {
        String a = StreamsSettings.advertised(WiretagConfig.defaultsOnly().with(WiretagConfig.HTTP_BIND, "0.0.0.0")
                .with(WiretagConfig.HTTP_PORT, "9000"));
        assertFalse(a.startsWith("0.0.0.0"), a);
        assertEquals(true, a.endsWith(":9000"), a);
    }
}
