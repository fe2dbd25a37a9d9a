package io.wiretag.story;

/** A subject code the source supplied, e.g. {@code medtop:20000638} "international relations". */
public record Subject(String code, String name) {
}
