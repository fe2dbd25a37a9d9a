package io.wiretag.story;

/**
 * Where an entity is named: {@code field} is {@code headline} or {@code body}; {@code start} and
 * {@code end} are UTF-16 offsets into that field's text as published in the TaggedStory.
 */
public record Mention(String field, int start, int end, String text) {
}
