package io.wiretag.pipeline.trends;

import io.wiretag.alerts.QuietState;
import io.wiretag.pipeline.CompactSerde;

/** {@link QuietState} as the {@code feed-quiet} store keeps it: read and written on every delivery of a feed. */
public final class QuietStateSerde extends CompactSerde<QuietState> {
    public static final QuietStateSerde SERDE = new QuietStateSerde();

    private QuietStateSerde() {
        super(QuietState.class);
    }

    @Override
    protected void write(Out o, QuietState s) {
        o.instant(s.lastSeen()).varlong(s.arrivals()).float64(s.usualGapSeconds()).bool(s.quiet());
    }

    @Override
    protected QuietState read(In i) {
        return new QuietState(i.instant(), i.varlong(), i.float64(), i.bool());
    }
}
