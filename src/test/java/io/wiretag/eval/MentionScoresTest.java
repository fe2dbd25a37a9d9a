package io.wiretag.eval;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.wiretag.story.EntityTag;
import io.wiretag.story.Mention;
import io.wiretag.story.Tags;
import java.util.List;
import org.junit.jupiter.api.Test;

class MentionScoresTest {
    @Test
    void aDemonymIsNoPlaceMentionAndIsNotScored() {
        // "Polish farmers left Poland ." : the gold standard has Poland as LOC and Polish as MISC.
        List<ConllDocuments.Gold> gold = List.of(new ConllDocuments.Gold("body", 0, 6, "MISC", "Polish"),
                new ConllDocuments.Gold("body", 20, 26, "LOC", "Poland"));
        EntityTag poland = new EntityTag("poland", "Poland", "country", null, 0.8,
                List.of(new Mention("body", 20, 26, "Poland")), Boolean.TRUE, List.of(new Mention("body", 0, 6, "Polish")));
        MentionScores scores = new MentionScores();
        scores.add(gold, new Tags(List.of(poland), List.of(), "t"));
        assertEquals(new MentionScores.Counts(1, 1, 1), scores.counts("LOC"));
        assertEquals(List.of(), scores.wrong(5));
    }
}
