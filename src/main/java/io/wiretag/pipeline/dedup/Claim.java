package io.wiretag.pipeline.dedup;

import io.wiretag.lifecycle.Fingerprint;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import org.apache.kafka.common.serialization.Serde;
import org.apache.kafka.common.serialization.Serdes;

/**
 * What a story asks of the duplicate shards (keyed by story id on {@code dup-claims}): to judge and register
 * its fingerprint ({@code CHECK}, answered with a {@link ShardVerdict} of the same round), only to register it
 * ({@code REGISTER}: a new version of a story already routed as an original), or to forget it ({@code FORGET}:
 * killed). A fingerprint is ~550 bytes; the story itself never travels here.
 */
public record Claim(Kind kind, int round, Fingerprint fingerprint, String storyId) {
    public enum Kind { CHECK, REGISTER, FORGET }

    public static Claim check(int round, Fingerprint f) {
        return new Claim(Kind.CHECK, round, f, f.storyId());
    }

    public static Claim register(Fingerprint f) {
        return new Claim(Kind.REGISTER, 0, f, f.storyId());
    }

    public static Claim forget(String storyId) {
        return new Claim(Kind.FORGET, 0, null, storyId);
    }

    public static final Serde<Claim> SERDE = Serdes.serdeFrom((topic, c) -> c == null ? null : encode(c), (topic, b) -> b == null ? null : decode(b));

    static byte[] encode(Claim c) {
        byte[] id = c.storyId.getBytes(StandardCharsets.UTF_8);
        if (c.fingerprint == null) {
            return ByteBuffer.allocate(1 + 4 + id.length).put((byte) c.kind.ordinal()).putInt(c.round).put(id).array();
        }
        int[] sig = c.fingerprint.minHash();
        ByteBuffer b = ByteBuffer.allocate(1 + 4 + 8 + 8 + 4 + 4 * sig.length + id.length);
        b.put((byte) c.kind.ordinal()).putInt(c.round).putLong(c.fingerprint.time()).putLong(c.fingerprint.exact()).putInt(sig.length);
        for (int h : sig) {
            b.putInt(h);
        }
        return b.put(id).array();
    }

    static Claim decode(byte[] bytes) {
        ByteBuffer b = ByteBuffer.wrap(bytes);
        Kind kind = Kind.values()[b.get()];
        int round = b.getInt();
        if (kind == Kind.FORGET) {
            return forget(new String(bytes, b.position(), b.remaining(), StandardCharsets.UTF_8));
        }
        long time = b.getLong();
        long exact = b.getLong();
        int[] sig = new int[b.getInt()];
        for (int i = 0; i < sig.length; i++) {
            sig[i] = b.getInt();
        }
        String id = new String(bytes, b.position(), b.remaining(), StandardCharsets.UTF_8);
        return new Claim(kind, round, new Fingerprint(id, time, exact, sig), id);
    }
}
