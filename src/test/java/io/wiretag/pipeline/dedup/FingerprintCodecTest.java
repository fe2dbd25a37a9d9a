package io.wiretag.pipeline.dedup;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.wiretag.lifecycle.Fingerprint;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;

class FingerprintCodecTest {
    private static final Fingerprint NEWEST = new Fingerprint("ap:1", 3_000, 0x1234L, new int[] {7, -8, 9});

    @Test
    void aStoryWithItsEarlierVersionsComesBackWhole() {
        List<Fingerprint> earlier = List.of(new Fingerprint("ap:1", 1_000, 0x55L, new int[] {1, 2}),
                new Fingerprint("ap:1", 2_000, 0x66L, new int[0]));
        FingerprintCodec.Entry e = FingerprintCodec.decode(FingerprintCodec.encode(100, 1_000, NEWEST, earlier));
        assertEquals(new FingerprintCodec.Entry(100, 1_000, NEWEST, earlier), e);
    }

    /** A shard written by a release that kept one version a story: the same bytes, read as a story with no earlier ones. */
    @Test
    void aValueWithoutEarlierVersionsIsWhatEarlierReleasesWrote() {
        byte[] id = "ap:1".getBytes(StandardCharsets.UTF_8);
        ByteBuffer old = ByteBuffer.allocate(8 + 8 + 8 + 8 + 4 + 12 + id.length);
        old.putLong(100).putLong(1_000).putLong(3_000).putLong(0x1234L).putInt(3).putInt(7).putInt(-8).putInt(9).put(id);
        assertArrayEquals(old.array(), FingerprintCodec.encode(100, 1_000, NEWEST, List.of()));
        assertEquals(new FingerprintCodec.Entry(100, 1_000, NEWEST, List.of()), FingerprintCodec.decode(old.array()));
    }
}
