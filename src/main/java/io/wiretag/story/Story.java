package io.wiretag.story;

import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import java.time.Instant;
import java.util.List;

/**
 * The canonical story every wire format is normalised into (after ninjs 3). Field names are a contract
 * read by downstream systems: see {@code src/main/resources/schema/story.schema.json}. A TaggedStory is
 * the same record with {@code tags} set.
 */
@JsonPropertyOrder({"id", "guid", "version", "versionCreated", "firstCreated", "embargoedUntil", "pubStatus",
        "revision", "urgency", "language", "headline", "slugline", "byline", "dateline", "located", "body",
        "editorNotes", "subjects", "source", "raw", "warnings", "duplicateOf", "kill", "tags"})
public record Story(
        String id,
        String guid,
        String version,
        Instant versionCreated,
        Instant firstCreated,
        Instant embargoedUntil,
        PubStatus pubStatus,
        Revision revision,
        Integer urgency,
        String language,
        String headline,
        String slugline,
        String byline,
        String dateline,
        String located,
        String body,
        List<String> editorNotes,
        List<Subject> subjects,
        Source source,
        Raw raw,
        @JsonInclude(JsonInclude.Include.NON_EMPTY) List<String> warnings,
        @JsonInclude(JsonInclude.Include.NON_NULL) String duplicateOf,
        // Named explicitly: isKill() below would otherwise claim the JSON name "kill" for a boolean.
        @JsonProperty("kill") @JsonInclude(JsonInclude.Include.NON_NULL) Kill kill,
        @JsonInclude(JsonInclude.Include.NON_NULL) Tags tags) {

    public Story {
        editorNotes = editorNotes == null ? List.of() : List.copyOf(editorNotes);
        subjects = subjects == null ? List.of() : List.copyOf(subjects);
        warnings = warnings == null ? List.of() : List.copyOf(warnings);
    }

    /** The story without a kill: what every parser builds. */
    public Story(String id, String guid, String version, Instant versionCreated, Instant firstCreated,
                 Instant embargoedUntil, PubStatus pubStatus, Revision revision, Integer urgency, String language,
                 String headline, String slugline, String byline, String dateline, String located, String body,
                 List<String> editorNotes, List<Subject> subjects, Source source, Raw raw, List<String> warnings,
                 String duplicateOf, Tags tags) {
        this(id, guid, version, versionCreated, firstCreated, embargoedUntil, pubStatus, revision, urgency, language,
                headline, slugline, byline, dateline, located, body, editorNotes, subjects, source, raw, warnings,
                duplicateOf, null, tags);
    }

    @JsonIgnore // derived from pubStatus, not a field of the contract
    public boolean isKill() {
        return pubStatus == PubStatus.CANCELED;
    }

    public Story withTags(Tags newTags) {
        return new Story(id, guid, version, versionCreated, firstCreated, embargoedUntil, pubStatus, revision,
                urgency, language, headline, slugline, byline, dateline, located, body, editorNotes, subjects,
                source, raw, warnings, duplicateOf, kill, newTags);
    }

    public Story withDuplicateOf(String originalId) {
        return new Story(id, guid, version, versionCreated, firstCreated, embargoedUntil, pubStatus, revision,
                urgency, language, headline, slugline, byline, dateline, located, body, editorNotes, subjects,
                source, raw, warnings, originalId, kill, tags);
    }

    public Story withKill(Kill newKill) {
        return new Story(id, guid, version, versionCreated, firstCreated, embargoedUntil, pubStatus, revision,
                urgency, language, headline, slugline, byline, dateline, located, body, editorNotes, subjects,
                source, raw, warnings, duplicateOf, newKill, tags);
    }
}
