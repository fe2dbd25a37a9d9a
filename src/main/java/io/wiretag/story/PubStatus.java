package io.wiretag.story;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import java.util.Locale;

/** Whether a story may be published: the ninjs pubStatus values. */
public enum PubStatus {
    USABLE, WITHHELD, CANCELED;

    /**
     * Whether a status is a lifecycle notice about a story rather than a story to publish: withheld ("do
     * not use until further notice") and canceled (a kill). A notice may come without any text.
     */
    public static boolean isNotice(PubStatus status) {
        return status == WITHHELD || status == CANCELED;
    }

    @JsonValue
    public String json() {
        return name().toLowerCase(Locale.ROOT);
    }

    /**
     * Reads the many spellings wires use: {@code usable}, {@code Usable}, {@code stat:canceled},
     * {@code cancelled}, NITF {@code management-status} values. Returns null for anything unknown.
     */
    @JsonCreator
    public static PubStatus parse(String value) {
        if (value == null) {
            return null;
        }
        String v = value.trim().toLowerCase(Locale.ROOT);
        int colon = v.lastIndexOf(':');
        if (colon >= 0) {
            v = v.substring(colon + 1);
        }
        return switch (v) {
            case "usable", "published", "active" -> USABLE;
            case "withheld", "embargoed", "held" -> WITHHELD;
            case "canceled", "cancelled", "cancel", "killed", "kill", "deleted", "withdrawn" -> CANCELED;
            default -> null;
        };
    }
}
