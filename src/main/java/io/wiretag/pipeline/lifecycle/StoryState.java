package io.wiretag.pipeline.lifecycle;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.wiretag.lifecycle.VersionStamp;
import java.time.Instant;
import java.util.List;

/**
 * All the lifecycle remembers of one story id, in one record so that a story costs one state write (and one
 * changelog record) per stage rather than one per store:
 * <ul>
 * <li>the version gate: the newest accepted version, whether it was killed, the key of its held embargoed
 *     version, when it last changed (wall-clock ms, for retention);</li>
 * <li>the router: the {@code news.topic.*} topic ids it is live on, whether a version was published, the
 *     last headline (for kill alerts), the story it duplicates when its last version was a duplicate;</li>
 * <li>the duplicate round in flight: its number and how many shard verdicts it awaits (counted as they come
 *     in memory, by the router);</li>
 * <li>what the alerts and the dashboard did: breaking alert sent, counted in the trends, listed on the
 *     dashboard under which topics and since when.</li>
 * </ul>
 */
@JsonInclude(JsonInclude.Include.NON_DEFAULT)
public record StoryState(String version, Instant versionCreated, String contentHash, boolean killed, String heldKey,
                         long touchedMs, List<String> live, boolean published, String headline, String duplicateOf,
                         int round, int awaiting, String pendingOf, long pendingOfTime,
                         boolean breakingSent, boolean counted, long listedAtMs, List<String> listed) {
    public static final StoryState NONE = new StoryState(null, null, null, false, null, 0, List.of(), false, null, null,
            0, 0, null, Long.MAX_VALUE, false, false, 0, List.of());

    public StoryState {
        live = live == null ? List.of() : List.copyOf(live);
        listed = listed == null ? List.of() : List.copyOf(listed);
    }

    public VersionStamp stamp() {
        return new VersionStamp(version, versionCreated, contentHash);
    }

    public static StoryState orNone(StoryState s) {
        return s == null ? NONE : s;
    }

    /** The gate accepted this version (held under {@code heldKey} while embargoed, else null). */
    public StoryState accepted(VersionStamp s, String held, long nowMs) {
        return new StoryState(s.version(), s.versionCreated(), s.contentHash(), false, held, nowMs, live, published, headline,
                duplicateOf, round, awaiting, pendingOf, pendingOfTime, breakingSent, counted, listedAtMs, listed);
    }

    /** The gate let the story's kill through: nothing of it passes after this. */
    public StoryState killedBy(VersionStamp s, long nowMs) {
        return new StoryState(s.version(), s.versionCreated(), s.contentHash(), true, null, nowMs, live, published, headline,
                duplicateOf, round, awaiting, pendingOf, pendingOfTime, breakingSent, counted, listedAtMs, listed);
    }

    /** The held version was released at {@code nowMs}. */
    public StoryState released(long nowMs) {
        return new StoryState(version, versionCreated, contentHash, killed, null, nowMs, live, published, headline,
                duplicateOf, round, awaiting, pendingOf, pendingOfTime, breakingSent, counted, listedAtMs, listed);
    }

    /** A new duplicate round: {@code shards} verdicts awaited; older rounds' verdicts are ignored from now on. */
    public StoryState awaitingVerdicts(int shards) {
        return new StoryState(version, versionCreated, contentHash, killed, heldKey, touchedMs, live, published, headline,
                duplicateOf, round + 1, shards, null, Long.MAX_VALUE, breakingSent, counted, listedAtMs, listed);
    }

    /**
     * Every verdict of the round is in, no round in flight. The router counts a round's verdicts in memory and
     * passes what they named on to the publish; the {@code pendingOf} fields are read only from states an
     * earlier release wrote per verdict, and are cleared here.
     */
    public StoryState verdictsIn() {
        return new StoryState(version, versionCreated, contentHash, killed, heldKey, touchedMs, live, published, headline,
                duplicateOf, round, 0, null, Long.MAX_VALUE, breakingSent, counted, listedAtMs, listed);
    }

    /** The router published a version: live on {@code topics} (none for a duplicate of {@code dupOf}). */
    public StoryState routed(List<String> topics, String lastHeadline, String dupOf, long nowMs) {
        return new StoryState(version, versionCreated, contentHash, killed, heldKey, nowMs, topics, true, lastHeadline,
                dupOf, round, 0, null, Long.MAX_VALUE, breakingSent, counted, listedAtMs, listed);
    }

    /** The router sent a withheld notice on: live nowhere and off the dashboard until a usable version comes. */
    public StoryState withheld(long nowMs) {
        return new StoryState(version, versionCreated, contentHash, killed, heldKey, nowMs, List.of(), published, headline,
                duplicateOf, round, awaiting, pendingOf, pendingOfTime, breakingSent, counted, 0, List.of());
    }

    /** The router sent the kill on: live nowhere, no round in flight, off the dashboard. */
    public StoryState retracted(long nowMs) {
        return new StoryState(version, versionCreated, contentHash, killed, heldKey, nowMs, List.of(), published, headline,
                duplicateOf, round + 1, 0, null, Long.MAX_VALUE, breakingSent, counted, 0, List.of());
    }

    public StoryState alerted(boolean breaking, boolean inTrends) {
        return new StoryState(version, versionCreated, contentHash, killed, heldKey, touchedMs, live, published, headline,
                duplicateOf, round, awaiting, pendingOf, pendingOfTime, breaking, inTrends, listedAtMs, listed);
    }

    public StoryState listedUnder(List<String> keys, long atMs) {
        return new StoryState(version, versionCreated, contentHash, killed, heldKey, touchedMs, live, published, headline,
                duplicateOf, round, awaiting, pendingOf, pendingOfTime, breakingSent, counted, atMs, keys);
    }
}
