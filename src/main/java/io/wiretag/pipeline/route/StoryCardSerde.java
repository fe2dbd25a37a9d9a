package io.wiretag.pipeline.route;

import io.wiretag.pipeline.CompactSerde;
import io.wiretag.views.StoryCard;

/** {@link StoryCard} as the {@code latest-cards} store keeps it: written for every topic of every routed story. */
public final class StoryCardSerde extends CompactSerde<StoryCard> {
    public static final StoryCardSerde SERDE = new StoryCardSerde();

    private StoryCardSerde() {
        super(StoryCard.class);
    }

    @Override
    protected void write(Out o, StoryCard c) {
        o.string(c.id()).string(c.headline()).bool(c.urgency() != null).varlong(c.urgency() == null ? 0 : c.urgency())
                .string(c.provider()).instant(c.versionCreated()).instant(c.routedAt()).strings(c.topics()).strings(c.entities());
    }

    @Override
    protected StoryCard read(In i) {
        String id = i.string();
        String headline = i.string();
        boolean hasUrgency = i.bool();
        int urgency = i.varint();
        return new StoryCard(id, headline, hasUrgency ? urgency : null, i.string(), i.instant(), i.instant(), i.strings(),
                i.strings());
    }
}
