package io.wiretag.story;

import java.util.List;

/** A topic the story covers, with its score and the human-readable evidence that raised it. */
public record TopicTag(String id, String name, List<String> iptc, double score, List<String> evidence) {
    public TopicTag {
        iptc = iptc == null ? List.of() : List.copyOf(iptc);
        evidence = evidence == null ? List.of() : List.copyOf(evidence);
    }
}
