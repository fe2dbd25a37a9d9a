package io.wiretag.pipeline.trends;

import io.wiretag.alerts.SurgeState;
import java.nio.ByteBuffer;
import org.apache.kafka.common.serialization.Serde;
import org.apache.kafka.common.serialization.Serdes;

/** {@link SurgeState} in 288 bytes: it is read and written for every trend key of every story. */
public final class SurgeStateSerde {
    private SurgeStateSerde() {
    }

    public static final Serde<SurgeState> SERDE = Serdes.serdeFrom(
            (topic, s) -> {
                if (s == null) {
                    return null;
                }
                ByteBuffer b = ByteBuffer.allocate(6 * 8 + 4 * SurgeState.RING_MINUTES);
                b.putLong(s.firstMinute()).putLong(s.headMinute()).putDouble(s.baselineSum()).putDouble(s.baselineWeight())
                        .putLong(s.foldedUpTo()).putLong(s.lastAlertMinute());
                for (int c : s.ring()) {
                    b.putInt(c);
                }
                return b.array();
            },
            (topic, bytes) -> {
                if (bytes == null) {
                    return null;
                }
                ByteBuffer b = ByteBuffer.wrap(bytes);
                long first = b.getLong();
                long head = b.getLong();
                double sum = b.getDouble();
                double weight = b.getDouble();
                long folded = b.getLong();
                long lastAlert = b.getLong();
                int[] ring = new int[SurgeState.RING_MINUTES];
                for (int i = 0; i < ring.length; i++) {
                    ring[i] = b.getInt();
                }
                return new SurgeState(first, head, ring, sum, weight, folded, lastAlert);
            });
}
