package io.wiretag.tagging;

import io.wiretag.story.Story;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;

/** A story's date as an epoch day for date-bound rules ("President Bush" in 1991), and the taxonomy's years and dates. */
final class StoryDates {
    /** No date known. */
    static final long NONE = Long.MIN_VALUE;

    private StoryDates() {
    }

    /** The day the story was written: its versionCreated, else its firstCreated, else {@link #NONE}. */
    static long of(Story story) {
        Instant at = story.versionCreated() != null ? story.versionCreated() : story.firstCreated();
        return at == null ? NONE : Math.floorDiv(at.getEpochSecond(), 86_400L);
    }

    /**
     * A taxonomy date: a year ("2014") or an ISO date ("2014-02-20"); a year is its first day, or its last
     * when {@code end}. Null or blank is {@link #NONE}.
     *
     * @throws IllegalArgumentException when it is neither
     */
    static long parse(String text, boolean end) {
        if (text == null || text.isBlank()) {
            return NONE;
        }
        String t = text.strip();
        try {
            if (t.matches("\\d{4}")) {
                int y = Integer.parseInt(t);
                return (end ? LocalDate.of(y, 12, 31) : LocalDate.of(y, 1, 1)).toEpochDay();
            }
            return LocalDate.parse(t).toEpochDay();
        } catch (DateTimeParseException | NumberFormatException e) {
            throw new IllegalArgumentException("\"" + text + "\" is neither a year (2014) nor a date (2014-02-20)");
        }
    }

    static String show(long day) {
        return day == NONE ? "no date" : LocalDate.ofEpochDay(day).toString();
    }

    static String show(Instant at) {
        return at == null ? "no date" : at.atOffset(ZoneOffset.UTC).toLocalDate().toString();
    }
}
