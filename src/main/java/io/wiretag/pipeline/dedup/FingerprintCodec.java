package io.wiretag.pipeline.dedup;

import io.wiretag.lifecycle.Fingerprint;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * A duplicate shard's store values: a story's newest fingerprint, when the story was first registered
 * (wall-clock ms) and the time it is ordered by (its first version's), in 40 + 4n bytes plus the id; and,
 * when the shard keeps earlier versions of the story, those first: a marker, their count, and each one's time,
 * body hash and signature (20 + 4n bytes each). A value without earlier versions is written as releases
 * before they were kept wrote it, and those releases' values read as a story with none.
 */
public final class FingerprintCodec {
    /** Opens a value with earlier versions; never a registration time. */
    private static final long VERSIONS = -1L;

    private FingerprintCodec() {
    }

    public record Entry(long registeredMs, long orderTime, Fingerprint fingerprint, List<Fingerprint> earlier) {
    }

    public static byte[] encode(long registeredMs, long orderTime, Fingerprint f) {
        return encode(registeredMs, orderTime, f, List.of());
    }

    /** @param earlier the story's earlier versions kept, oldest first (the same story id as {@code f}) */
    public static byte[] encode(long registeredMs, long orderTime, Fingerprint f, List<Fingerprint> earlier) {
        byte[] id = f.storyId().getBytes(StandardCharsets.UTF_8);
        int size = (earlier.isEmpty() ? 0 : 12) + 8 + 8 + 8 + 8 + 4 + 4 * f.minHash().length + id.length;
        for (Fingerprint v : earlier) {
            size += 8 + 8 + 4 + 4 * v.minHash().length;
        }
        ByteBuffer b = ByteBuffer.allocate(size);
        if (!earlier.isEmpty()) {
            b.putLong(VERSIONS).putInt(earlier.size());
            for (Fingerprint v : earlier) {
                putBody(b, v);
            }
        }
        b.putLong(registeredMs).putLong(orderTime);
        putBody(b, f);
        b.put(id);
        return b.array();
    }

    private static void putBody(ByteBuffer b, Fingerprint f) {
        int[] sig = f.minHash();
        b.putLong(f.time()).putLong(f.exact()).putInt(sig.length);
        for (int h : sig) {
            b.putInt(h);
        }
    }

    private record Body(long time, long exact, int[] sig) {
        Fingerprint of(String id) {
            return new Fingerprint(id, time, exact, sig);
        }
    }

    private static Body getBody(ByteBuffer b) {
        long time = b.getLong();
        long exact = b.getLong();
        int[] sig = new int[b.getInt()];
        for (int i = 0; i < sig.length; i++) {
            sig[i] = b.getInt();
        }
        return new Body(time, exact, sig);
    }

    public static Entry decode(byte[] bytes) {
        ByteBuffer b = ByteBuffer.wrap(bytes);
        List<Body> earlier = new ArrayList<>();
        long registered = b.getLong();
        if (registered == VERSIONS) {
            int n = b.getInt();
            for (int i = 0; i < n; i++) {
                earlier.add(getBody(b));
            }
            registered = b.getLong();
        }
        long orderTime = b.getLong();
        Body newest = getBody(b);
        String id = new String(bytes, b.position(), b.remaining(), StandardCharsets.UTF_8);
        return new Entry(registered, orderTime, newest.of(id), earlier.stream().map(e -> e.of(id)).toList());
    }
}
