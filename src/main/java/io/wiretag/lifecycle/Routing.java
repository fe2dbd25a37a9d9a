package io.wiretag.lifecycle;

import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * Which {@code news.topic.*} topics an accepted version goes to and which ones must retract the story.
 * A story is live on the topics its newest routed version was tagged with; a new version is published
 * on its own topics and retracted (a kill record) from the live topics it no longer carries; a kill
 * retracts the story from every topic it is live on.
 */
public final class Routing {
    private Routing() {
    }

    /** The topics to publish on and to retract from; {@code live} is where the story is now. */
    public record Plan(List<String> publish, List<String> retract) {
        public Plan {
            publish = List.copyOf(publish);
            retract = List.copyOf(retract);
        }
    }

    public static Plan forVersion(Collection<String> live, Collection<String> tagged) {
        Set<String> now = new LinkedHashSet<>(tagged);
        List<String> retract = new ArrayList<>();
        for (String t : live) {
            if (!now.contains(t)) {
                retract.add(t);
            }
        }
        return new Plan(new ArrayList<>(now), retract);
    }

    public static Plan forKill(Collection<String> live) {
        return new Plan(List.of(), new ArrayList<>(new LinkedHashSet<>(live)));
    }
}
