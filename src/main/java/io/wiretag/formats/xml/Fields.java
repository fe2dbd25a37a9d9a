package io.wiretag.formats.xml;

import io.wiretag.formats.Dates;
import io.wiretag.story.StoryDraft;
import io.wiretag.story.Subject;
import java.time.Instant;

/** Field readers the XML formats share: dates that cost a warning instead of the story, urgencies, subjects. */
public final class Fields {
    private Fields() {
    }

    /**
     * Reads a date; a value that is there but unreadable (a placeholder, a typo) becomes null and a warning
     * that names the field and the value.
     */
    public static Instant date(StoryDraft draft, String field, String value) {
        if (value == null || value.isBlank()) {
            return null;
        }
        Instant instant = Dates.parse(value);
        if (instant == null) {
            draft.warnings.add(field + " '" + value.strip() + "' is not a date wiretag can read; left empty");
        }
        return instant;
    }

    /** An urgency 1..9, or null with a warning when the value is something else. */
    public static Integer urgency(StoryDraft draft, String value) {
        if (value == null || value.isBlank()) {
            return null;
        }
        String v = value.strip();
        if (v.matches("[1-9]")) {
            return Integer.parseInt(v);
        }
        draft.warnings.add("urgency '" + v + "' is not 1 to 9; left empty");
        return null;
    }

    /** Adds a subject once; a subject with neither code nor name is dropped. */
    public static void subject(StoryDraft draft, String code, String name) {
        String c = code == null || code.isBlank() ? null : code.strip();
        String n = name == null || name.isBlank() ? null : io.wiretag.story.Text.cleanParagraph(name);
        if (c == null && n == null) {
            return;
        }
        for (Subject s : draft.subjects) {
            if (java.util.Objects.equals(s.code(), c) && (c != null || java.util.Objects.equals(s.name(), n))) {
                return;
            }
        }
        draft.subjects.add(new Subject(c, n));
    }
}
