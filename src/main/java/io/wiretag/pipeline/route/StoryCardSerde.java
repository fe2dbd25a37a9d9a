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
        // urgency is 1-9 or absent: 0 stands for absent.
        o.string(c.id()).string(c.headline()).varlong(c.urgency() == null ? 0 : c.urgency() + 1L).string(c.provider())
                .instant(c.versionCreated()).instant(c.routedAt()).strings(c.topics()).strings(c.entities());
    }

    @Override
    protected StoryCard read(In i) {
        String id = i.string();
        String headline = i.string();
        int u = i.varint();
        return new StoryCard(id, headline, u == 0 ? null : u - 1, i.string(), i.instant(), i.instant(), i.strings(), i.strings());
    }
}
