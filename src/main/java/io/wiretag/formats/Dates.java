package io.wiretag.formats;

import java.time.DateTimeException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeFormatterBuilder;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * One lenient date parser for every wire: ISO-8601 with {@code Z}, {@code +00:00} or {@code +0000},
 * compact {@code 20140829T134951+0000}, no zone (read as UTC), a bare date, whitespace inside the element,
 * RFC 822 / 1123 dates. Returns null (never throws) for placeholders and anything it cannot read, so a
 * bad date costs a warning, never a story.
 */
public final class Dates {
    private static final Pattern COMPACT = Pattern.compile(
            "(\\d{4})(\\d{2})(\\d{2})T(\\d{2})(\\d{2})(\\d{2})?(?:\\.\\d+)?(Z|[+-]\\d{2}:?\\d{2})?");
    private static final Pattern OFFSET_NO_COLON = Pattern.compile("(.*[T ]\\d{2}:\\d{2}(?::\\d{2}(?:\\.\\d+)?)?)([+-]\\d{2})(\\d{2})");
    private static final DateTimeFormatter ISO_LOCAL_SPACE = new DateTimeFormatterBuilder()
            .parseCaseInsensitive().append(DateTimeFormatter.ISO_LOCAL_DATE).optionalStart().appendLiteral('T').optionalEnd()
            .optionalStart().appendLiteral(' ').optionalEnd().append(DateTimeFormatter.ISO_LOCAL_TIME).toFormatter(Locale.ROOT);
    private static final List<DateTimeFormatter> RFC822 = List.of(
            DateTimeFormatter.RFC_1123_DATE_TIME,
            DateTimeFormatter.ofPattern("EEE, d MMM yyyy HH:mm[:ss] zzz", Locale.ENGLISH),
            DateTimeFormatter.ofPattern("EEE, d MMM yyyy HH:mm[:ss] Z", Locale.ENGLISH),
            DateTimeFormatter.ofPattern("d MMM yyyy HH:mm[:ss] Z", Locale.ENGLISH),
            DateTimeFormatter.ofPattern("d MMM yyyy HH:mm[:ss] zzz", Locale.ENGLISH));

    private Dates() {
    }

    public static Instant parse(String value) {
        if (value == null) {
            return null;
        }
        String v = value.strip().replaceAll("\\s+", " ");
        if (v.isEmpty() || v.startsWith("0000") || v.startsWith("0001-01-01") || v.equalsIgnoreCase("null")) {
            return null;
        }
        try {
            return parseStrictly(v);
        } catch (DateTimeException e) {
            return null;
        }
    }

    private static Instant parseStrictly(String v) {
        Matcher compact = COMPACT.matcher(v);
        if (compact.matches()) {
            String zone = compact.group(7);
            ZoneOffset offset = zone == null ? ZoneOffset.UTC : ZoneOffset.of(zone.length() == 5 ? zone.substring(0, 3) + ":" + zone.substring(3) : zone);
            return OffsetDateTime.of(i(compact.group(1)), i(compact.group(2)), i(compact.group(3)), i(compact.group(4)),
                    i(compact.group(5)), compact.group(6) == null ? 0 : i(compact.group(6)), 0, offset).toInstant();
        }
        Matcher noColon = OFFSET_NO_COLON.matcher(v);
        if (noColon.matches()) {
            v = noColon.group(1) + noColon.group(2) + ":" + noColon.group(3);
        }
        if (v.endsWith("z")) {
            v = v.substring(0, v.length() - 1) + "Z";
        }
        try {
            return OffsetDateTime.parse(v.replace(' ', 'T')).toInstant();
        } catch (DateTimeParseException ignored) {
            // fall through to the next shape
        }
        try {
            return LocalDateTime.parse(v, ISO_LOCAL_SPACE).toInstant(ZoneOffset.UTC);
        } catch (DateTimeParseException ignored) {
            // fall through
        }
        try {
            return LocalDate.parse(v).atStartOfDay(ZoneOffset.UTC).toInstant();
        } catch (DateTimeParseException ignored) {
            // fall through
        }
        for (DateTimeFormatter f : RFC822) {
            try {
                return ZonedDateTime.parse(v, f).toInstant();
            } catch (DateTimeParseException ignored) {
                // next
            }
        }
        throw new DateTimeException("unreadable date: " + v);
    }

    private static int i(String s) {
        return Integer.parseInt(s);
    }
}
