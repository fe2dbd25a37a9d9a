package io.wiretag.pipeline.lifecycle;

import io.wiretag.pipeline.CompactSerde;

/**
 * {@link StoryState} as the {@code story-state} store keeps it: read and written ~5 times per story (the gate,
 * the park, each shard's verdict): ~190 bytes for a story awaiting verdicts, against ~430 of JSON.
 */
public final class StoryStateSerde extends CompactSerde<StoryState> {
    public static final StoryStateSerde SERDE = new StoryStateSerde();

    private StoryStateSerde() {
        super(StoryState.class);
    }

    @Override
    protected void write(Out o, StoryState s) {
        o.string(s.version()).instant(s.versionCreated()).string(s.contentHash()).bool(s.killed()).string(s.heldKey())
                .varlong(s.touchedMs()).strings(s.live()).bool(s.published()).string(s.headline()).string(s.duplicateOf())
                .varlong(s.round()).varlong(s.awaiting()).string(s.pendingOf()).varlong(unlessMax(s.pendingOfTime()))
                .bool(s.breakingSent()).bool(s.counted()).varlong(s.listedAtMs()).strings(s.listed());
    }

    @Override
    protected StoryState read(In i) {
        return new StoryState(i.string(), i.instant(), i.string(), i.bool(), i.string(), i.varlong(), i.strings(), i.bool(),
                i.string(), i.string(), i.varint(), i.varint(), i.string(), orMax(i.varlong()), i.bool(), i.bool(), i.varlong(),
                i.strings());
    }

    // No earliest original named yet is Long.MAX_VALUE: one byte instead of ten. A time of 0 would be -1.
    private static long unlessMax(long t) {
        return t == Long.MAX_VALUE ? -1 : t;
    }

    private static long orMax(long t) {
        return t == -1 ? Long.MAX_VALUE : t;
    }
}
