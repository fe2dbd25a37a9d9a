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
 * RFC 822 / 1123 dates, also with the month or weekday in German, French, Spanish, Italian or Dutch and
 * with the month written out ({@code 06 June 2016 14:00:00}, {@code Mo, 23 Sep. 2024 10:00 +0200}).
 * Returns null (never throws) for placeholders and anything it cannot read, so a bad date costs a
 * warning, never a story.
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

    /** A weekday in front of an RFC 822 date, in any language: it adds nothing and is often wrong. */
    private static final Pattern WEEKDAY = Pattern.compile("^\\p{L}{2,12}\\.?,? (?=\\d)");
    /** Day, month name, year, time, optional zone: the RFC 822 core once the weekday is gone. */
    private static final Pattern DAY_MONTH_YEAR = Pattern.compile(
            "(\\d{1,2})\\.? ([\\p{L}]{3,12})\\.? (\\d{4}),? (\\d{1,2}):(\\d{2})(?::(\\d{2}))?(?: ?(.+))?");
    /** Month names and abbreviations of the languages wires write in, to their month number. */
    private static final java.util.Map<String, Integer> MONTHS = months();
    private static final Pattern WHITESPACE = Pattern.compile("\\s+");
    private static final Pattern PLACEHOLDER = Pattern.compile("(?i)(?:n/?a|none|null|unknown|tbd|-+|x+|\\?+|0+)");

    private Dates() {
    }

    /** Reads a date; a date without a zone is read as UTC. */
    public static Instant parse(String value) {
        return parse(value, ZoneOffset.UTC);
    }

    /**
     * Reads a date; a date without a zone is read in {@code zoneless} (a wire whose footers are in local
     * time, e.g. {@code Asia/Tokyo} for Kyodo).
     */
    public static Instant parse(String value, java.time.ZoneId zoneless) {
        if (value == null) {
            return null;
        }
        String v = WHITESPACE.matcher(value.strip()).replaceAll(" ");
        if (v.isEmpty() || v.startsWith("0000") || v.startsWith("0001-01-01") || PLACEHOLDER.matcher(v).matches()) {
            return null;
        }
        try {
            return parseStrictly(v, zoneless == null ? ZoneOffset.UTC : zoneless);
        } catch (DateTimeException | ArithmeticException e) {
            return null;
        }
    }

    /** yyyy-MM-ddTHH:mm... ending in Z or an offset with a colon: a shape neither COMPACT nor OFFSET_NO_COLON rewrites. */
    static boolean isoWithZone(String v) {
        int n = v.length();
        if (n < 17 || v.charAt(4) != '-' || v.charAt(7) != '-' || v.charAt(10) != 'T' || v.charAt(13) != ':') {
            return false;
        }
        char last = v.charAt(n - 1);
        return last == 'Z' || (n >= 22 && v.charAt(n - 3) == ':' && (v.charAt(n - 6) == '+' || v.charAt(n - 6) == '-'));
    }

    private static Instant parseStrictly(String v, java.time.ZoneId zoneless) {
        if (isoWithZone(v)) {
            // What most wires send (2025-02-01T06:00:00Z, ...+01:00): straight to the parser the general path
            // ends in, without the two patterns for other shapes first.
            try {
                return OffsetDateTime.parse(v).toInstant();
            } catch (DateTimeParseException ignored) {
                // fall through to the general path
            }
        }
        Matcher compact = COMPACT.matcher(v);
        if (compact.matches()) {
            String zone = compact.group(7);
            LocalDateTime local = LocalDateTime.of(i(compact.group(1)), i(compact.group(2)), i(compact.group(3)),
                    i(compact.group(4)), i(compact.group(5)), compact.group(6) == null ? 0 : i(compact.group(6)));
            return zone == null ? local.atZone(zoneless).toInstant()
                    : local.atOffset(ZoneOffset.of(zone.length() == 5 ? zone.substring(0, 3) + ":" + zone.substring(3) : zone)).toInstant();
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
            return LocalDateTime.parse(v, ISO_LOCAL_SPACE).atZone(zoneless).toInstant();
        } catch (DateTimeParseException ignored) {
            // fall through
        }
        try {
            return LocalDate.parse(v).atStartOfDay(zoneless).toInstant();
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
        Instant localized = dayMonthYear(v, zoneless);
        if (localized != null) {
            return localized;
        }
        throw new DateTimeException("unreadable date: " + v);
    }

    /** RFC 822 read by hand: any language's weekday dropped, the month looked up by name, the zone optional. */
    private static Instant dayMonthYear(String v, java.time.ZoneId zoneless) {
        Matcher m = DAY_MONTH_YEAR.matcher(WEEKDAY.matcher(v).replaceFirst(""));
        if (!m.matches()) {
            return null;
        }
        Integer month = MONTHS.get(m.group(2).toLowerCase(Locale.ROOT));
        if (month == null) {
            return null;
        }
        LocalDateTime local = LocalDateTime.of(i(m.group(3)), month, i(m.group(1)), i(m.group(4)), i(m.group(5)),
                m.group(6) == null ? 0 : i(m.group(6)));
        String zone = m.group(7) == null ? null : m.group(7).strip();
        if (zone == null || zone.isEmpty()) {
            return local.atZone(zoneless).toInstant();
        }
        if (zone.matches("[+-]\\d{2}:?\\d{2}")) {
            return local.atOffset(ZoneOffset.of(zone.length() == 5 ? zone.substring(0, 3) + ":" + zone.substring(3) : zone)).toInstant();
        }
        return switch (zone.toUpperCase(Locale.ROOT)) {
            case "Z", "UT", "UTC", "GMT" -> local.toInstant(ZoneOffset.UTC);
            case "MEZ", "CET" -> local.toInstant(ZoneOffset.ofHours(1));
            case "MESZ", "CEST" -> local.toInstant(ZoneOffset.ofHours(2));
            case "EST" -> local.toInstant(ZoneOffset.ofHours(-5));
            case "EDT" -> local.toInstant(ZoneOffset.ofHours(-4));
            case "PST" -> local.toInstant(ZoneOffset.ofHours(-8));
            case "PDT" -> local.toInstant(ZoneOffset.ofHours(-7));
            default -> null;
        };
    }

    private static java.util.Map<String, Integer> months() {
        String[][] names = {
            {"jan", "january", "januar", "jänner", "janv", "janvier", "ene", "enero", "gen", "gennaio", "januari"},
            {"feb", "february", "februar", "févr", "fevr", "février", "fevrier", "febrero", "febbraio", "februari"},
            {"mar", "march", "märz", "maerz", "mär", "mars", "marzo", "mrt", "maart"},
            {"apr", "april", "avr", "avril", "abr", "abril", "aprile"},
            {"may", "mai", "mayo", "mag", "maggio", "mei"},
            {"jun", "june", "juni", "juin", "junio", "giu", "giugno"},
            {"jul", "july", "juli", "juil", "juillet", "julio", "lug", "luglio"},
            {"aug", "august", "août", "aout", "ago", "agosto", "augustus"},
            {"sep", "sept", "september", "septembre", "septiembre", "set", "settembre"},
            {"oct", "october", "okt", "oktober", "octobre", "octubre", "ott", "ottobre"},
            {"nov", "november", "novembre", "noviembre"},
            {"dec", "december", "dez", "dezember", "déc", "décembre", "decembre", "dic", "diciembre", "dicembre"}};
        java.util.Map<String, Integer> out = new java.util.HashMap<>();
        for (int m = 0; m < names.length; m++) {
            for (String n : names[m]) {
                out.put(n, m + 1);
            }
        }
        return java.util.Map.copyOf(out);
    }

    private static int i(String s) {
        return Integer.parseInt(s);
    }
}
