package io.wiretag.pipeline.route;

import io.wiretag.pipeline.dedup.Claim;
import io.wiretag.pipeline.trends.TrendBatch;

/**
 * What the story stage sends where: the story's JSON for {@code news.tagged} or one {@code news.topic.*}, an
 * alert, a claim for the duplicate shards, or a batch of trend hits. Story JSON is bytes here: encoded once,
 * the same bytes go to every topic.
 */
public sealed interface Routed {
    record Tagged(byte[] json) implements Routed {
    }

    /** {@code topic} is the Kafka topic's name, e.g. {@code news.topic.ukraine-war}. */
    record ToTopic(String topic, byte[] json) implements Routed {
    }

    record Alert(byte[] json) implements Routed {
    }

    record ToShards(Claim claim) implements Routed {
    }

    record Hits(TrendBatch batch) implements Routed {
    }
}
