package io.wiretag.pipeline;

import io.wiretag.lifecycle.Fingerprint;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;

/** The duplicate window's store values: a fingerprint and its registration order, in 32 + 4n bytes plus the id. */
final class FingerprintCodec {
    private FingerprintCodec() {
    }

    record Entry(long order, Fingerprint fingerprint) {
    }

    static byte[] encode(long order, Fingerprint f) {
        byte[] id = f.storyId().getBytes(StandardCharsets.UTF_8);
        int[] sig = f.minHash();
        ByteBuffer b = ByteBuffer.allocate(8 + 8 + 8 + 4 + 4 * sig.length + id.length);
        b.putLong(order).putLong(f.time()).putLong(f.exact()).putInt(sig.length);
        for (int h : sig) {
            b.putInt(h);
        }
        b.put(id);
        return b.array();
    }

    static Entry decode(byte[] bytes) {
        ByteBuffer b = ByteBuffer.wrap(bytes);
        long order = b.getLong();
        long time = b.getLong();
        long exact = b.getLong();
        int[] sig = new int[b.getInt()];
        for (int i = 0; i < sig.length; i++) {
            sig[i] = b.getInt();
        }
        byte[] id = new byte[b.remaining()];
        b.get(id);
        return new Entry(order, new Fingerprint(new String(id, StandardCharsets.UTF_8), time, exact, sig));
    }
}
