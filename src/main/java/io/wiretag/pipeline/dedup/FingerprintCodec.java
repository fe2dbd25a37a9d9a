package io.wiretag.pipeline.dedup;

import io.wiretag.lifecycle.Fingerprint;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;

/**
 * A duplicate shard's store values: a fingerprint, when the story was first registered (wall-clock ms) and
 * the time it is ordered by (its first version's), in 40 + 4n bytes plus the id.
 */
public final class FingerprintCodec {
    private FingerprintCodec() {
    }

    public record Entry(long registeredMs, long orderTime, Fingerprint fingerprint) {
    }

    public static byte[] encode(long registeredMs, long orderTime, Fingerprint f) {
        byte[] id = f.storyId().getBytes(StandardCharsets.UTF_8);
        int[] sig = f.minHash();
        ByteBuffer b = ByteBuffer.allocate(8 + 8 + 8 + 8 + 4 + 4 * sig.length + id.length);
        b.putLong(registeredMs).putLong(orderTime).putLong(f.time()).putLong(f.exact()).putInt(sig.length);
        for (int h : sig) {
            b.putInt(h);
        }
        b.put(id);
        return b.array();
    }

    public static Entry decode(byte[] bytes) {
        ByteBuffer b = ByteBuffer.wrap(bytes);
        long registered = b.getLong();
        long orderTime = b.getLong();
        long time = b.getLong();
        long exact = b.getLong();
        int[] sig = new int[b.getInt()];
        for (int i = 0; i < sig.length; i++) {
            sig[i] = b.getInt();
        }
        String id = new String(bytes, b.position(), b.remaining(), StandardCharsets.UTF_8);
        return new Entry(registered, orderTime, new Fingerprint(id, time, exact, sig));
    }
}
