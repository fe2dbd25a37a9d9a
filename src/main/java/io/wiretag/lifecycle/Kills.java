package io.wiretag.lifecycle;

import io.wiretag.story.Kill;
import io.wiretag.story.PubStatus;
import io.wiretag.story.Revision;
import io.wiretag.story.Story;
import io.wiretag.story.Tags;
import java.time.Instant;
import java.util.List;

/**
 * Builds kill records: a TaggedStory with {@code pubStatus: canceled}, {@code revision: kill}, the story's
 * id, and a {@code kill} object with the time and the reason, the form every downstream topic receives.
 */
public final class Kills {
    private Kills() {
    }

    /**
     * The reason a source gave for a kill: its editor's notes, else a plain statement naming the provider
     * (a kill's headline is usually the killed story's, which says nothing about why).
     */
    public static String reason(Story kill) {
        List<String> notes = kill.editorNotes().stream().filter(n -> n != null && !n.isBlank()).toList();
        if (!notes.isEmpty()) {
            return String.join(" ", notes).strip();
        }
        String provider = kill.source() != null && kill.source().provider() != null ? kill.source().provider() : "the source";
        return "withdrawn by " + provider;
    }

    /** When a kill was issued: its versionCreated, else the time it was received, else {@code fallback}. */
    public static Instant issuedAt(Story kill, Instant fallback) {
        if (kill.versionCreated() != null) {
            return kill.versionCreated();
        }
        return kill.source() != null && kill.source().receivedAt() != null ? kill.source().receivedAt() : fallback;
    }

    /**
     * A kill record for the story {@code about.id()}: the identity, source and raw facts of {@code about}
     * (the source's kill, or the version that left a topic), the headline subscribers saw, an empty body,
     * and no entities or topics under {@code about}'s taxonomy version.
     */
    public static Story record(Story about, String headline, Instant at, String reason) {
        String taxonomy = about.tags() != null && about.tags().taxonomyVersion() != null ? about.tags().taxonomyVersion() : "none";
        return new Story(about.id(), about.guid(), about.version(), at, about.firstCreated(), null,
                PubStatus.CANCELED, Revision.KILL, about.urgency(), about.language(), headline, about.slugline(),
                null, null, null, "", List.of(), List.of(), about.source(), about.raw(), List.of(), null,
                new Kill(at, reason), new Tags(List.of(), List.of(), taxonomy));
    }
}
