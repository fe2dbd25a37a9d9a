package io.wiretag.story;

import java.time.Instant;

/**
 * Why and when a story was taken down, carried by the kill records on {@code news.tagged} and
 * {@code news.topic.*}: {@code at} is when the kill was issued, {@code reason} is text a person can read.
 */
public record Kill(Instant at, String reason) {
}
