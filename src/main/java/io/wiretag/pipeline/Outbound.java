package io.wiretag.pipeline;

import io.wiretag.lifecycle.KillAlert;
import io.wiretag.story.Story;

/** What the router sends where: a record for {@code news.tagged}, for one {@code news.topic.*}, or an alert. */
sealed interface Outbound {
    record Tagged(Story story) implements Outbound {
    }

    /** {@code topic} is the Kafka topic's name, e.g. {@code news.topic.ukraine-war}. */
    record ToTopic(String topic, Story story) implements Outbound {
    }

    record Alert(KillAlert alert) implements Outbound {
    }
}
