package io.wiretag.formats.zczc;

import io.wiretag.formats.Charsets;
import io.wiretag.formats.Dates;
import io.wiretag.formats.Items;
import io.wiretag.formats.FormatDetector;
import io.wiretag.formats.ParseException;
import io.wiretag.formats.ParseResult;
import io.wiretag.formats.RawInput;
import io.wiretag.formats.Sniff;
import io.wiretag.formats.WireParser;
import io.wiretag.formats.anpa.WireText;
import io.wiretag.formats.xml.BodyText;
import io.wiretag.story.StoryDraft;
import io.wiretag.story.Subject;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * AAP's ZCZC tagged text: messages from {@code ZCZC} to {@code NNNN}, one field per line introduced by a
 * two-letter sigil ({@code AN#} article number, {@code PD#} date, {@code TI#} title, {@code BY#} byline,
 * {@code AB#} abstract, {@code TX#} text with one paragraph per line), or AAP's one-character field lines
 * ({@code $} headline) above plain text. Bytes are usually cp1252.
 */
public final class ZczcParser implements WireParser {
    /** Messages read from one input; one more is split off, so that what is not read is reported, never dropped silently. */
    static final int MAX_MESSAGES = 10_000;
    private static final Pattern FIELD = Pattern.compile("^([A-Z]{2})#(.*)$");
    /** AAP writes its dates in Sydney time and without a zone. */
    private static final ZoneId AAP_TIME = ZoneId.of("Australia/Sydney");

    private final int maxBytes;

    public ZczcParser() {
        this(FormatDetector.DEFAULT_MAX_BYTES);
    }

    /** Refuses an input over {@code maxBytes} (wiretag.max.input.bytes) before reading it. */
    public ZczcParser(int maxBytes) {
        this.maxBytes = maxBytes;
    }

    @Override
    public String format() {
        return "zczc";
    }

    @Override
    public int sniff(Sniff sniff) {
        String head = sniff.head();
        if (head.length() >= 4 && head.regionMatches(true, 0, "ZCZC", 0, 4)
                && (head.length() == 4 || Character.isWhitespace(head.charAt(4)))) {
            return 100;
        }
        return 0;
    }

    @Override
    public ParseResult parse(RawInput input) throws ParseException {
        byte[] bytes = input.bytes();
        WireText.checkSize(format(), bytes, maxBytes);
        Charsets.Decoded decoded = Charsets.decode(bytes, "windows-1252");
        List<List<String>> messages = messages(WireText.lines(decoded.text()));
        if (messages.isEmpty()) {
            throw new ParseException("zczc: no ZCZC line starts a message in this input");
        }
        StoryDraft.Delivery delivery = input.delivery(format(), null, decoded.detected());
        return Items.read(messages, MAX_MESSAGES,
                "zczc: more than " + MAX_MESSAGES + " messages in one input; messages from here on were not read",
                (message, i) -> read(message, input.provider()).build(delivery),
                failures -> "zczc: none of the " + failures.size() + " messages is a story; first: " + failures.get(0).reason());
    }

    /** The lines of each message: after a ZCZC line, up to NNNN, the next ZCZC or the end. */
    private static List<List<String>> messages(List<String> lines) {
        List<List<String>> out = new ArrayList<>();
        List<String> current = null;
        for (String line : lines) {
            String s = WireText.printable(line).strip();
            if (s.regionMatches(true, 0, "ZCZC", 0, 4) && (s.length() == 4 || s.charAt(4) == ' ')) {
                current = new ArrayList<>();
                if (out.size() <= MAX_MESSAGES) {
                    out.add(current);
                }
            } else if (s.equalsIgnoreCase("NNNN")) {
                current = null;
            } else if (current != null) {
                current.add(line);
            }
        }
        return out;
    }

    private static StoryDraft read(List<String> lines, String inputProvider) throws ParseException {
        if (lines.stream().noneMatch(l -> FIELD.matcher(WireText.printable(l).strip()).matches())) {
            return readUntagged(lines, inputProvider);
        }
        Map<String, List<String>> fields = new LinkedHashMap<>();
        List<String> currentField = null;
        for (String line : lines) {
            String s = WireText.printable(line).strip();
            Matcher m = FIELD.matcher(s);
            if (m.matches()) {
                currentField = fields.computeIfAbsent(m.group(1), k -> new ArrayList<>());
                if (!m.group(2).isBlank()) {
                    currentField.add(m.group(2).strip());
                }
            } else if (currentField != null && !s.isEmpty()) {
                currentField.add(s);
            }
        }
        StoryDraft d = new StoryDraft();
        d.provider = inputProvider == null || inputProvider.isBlank() ? "aap" : inputProvider;
        d.guid = one(fields, "AN");
        d.headline = one(fields, "TI");
        d.byline = one(fields, "BY");
        String date = one(fields, "PD");
        if (date != null) {
            d.versionCreated = Dates.parse(date, AAP_TIME);
            if (d.versionCreated == null) {
                d.warnings.add("zczc: unreadable date in PD#: \"" + date + "\", left empty");
            }
        }
        String company = one(fields, "CO");
        if (company != null) {
            for (String c : company.split("[,;\\s]+")) {
                if (!c.isBlank()) {
                    d.subjects.add(new Subject("ticker:" + c.toUpperCase(Locale.ROOT), null));
                }
            }
        }
        // TX# carries one paragraph per line
        d.paragraphs.addAll(fields.getOrDefault("TX", List.of()));
        if (d.paragraphs.isEmpty() && d.headline == null) {
            throw new ParseException("zczc: message" + (d.guid == null ? "" : " AN#" + d.guid)
                    + " has no TI# title and no TX# text: not a story");
        }
        if (d.paragraphs.isEmpty()) {
            d.warnings.add("zczc: no TX# text; the abstract (AB#) is used as the body");
            d.paragraphs.addAll(fields.getOrDefault("AB", List.of()));
        }
        return d;
    }

    /**
     * A message without two-letter fields: AAP's one-character field lines at its top ({@code #} keyword,
     * {@code $} headline, {@code :} dateline, {@code *} subject code; {@code %}, {@code @} and {@code ~}
     * route it), then the text. A bulletin such as the morning headlines is a list: its text is the story's
     * body, one paragraph per line when no blank line separates them.
     */
    private static StoryDraft readUntagged(List<String> lines, String inputProvider) throws ParseException {
        StoryDraft d = new StoryDraft();
        d.provider = inputProvider == null || inputProvider.isBlank() ? "aap" : inputProvider;
        int i = 0;
        for (; i < lines.size(); i++) {
            String s = WireText.printable(lines.get(i)).strip();
            if (s.length() < 2 || "%#$:*@~".indexOf(s.charAt(0)) < 0) {
                break;
            }
            String v = s.substring(1).strip();
            switch (s.charAt(0)) {
                case '#' -> d.slugline = v;
                case '$' -> d.headline = v;
                case ':' -> {
                    d.dateline = v;
                    d.located = v.replaceAll("[()]", "").strip();
                }
                case '*' -> {
                    if (v.matches("\\d{8}")) {
                        d.subjects.add(new Subject("subj:" + v, null));
                    }
                }
                default -> {
                    // priority, category and service lines say where a message goes, not what it says
                }
            }
        }
        StringBuilder text = new StringBuilder();
        for (String line : lines.subList(i, lines.size())) {
            text.append(WireText.printable(line)).append('\n');
        }
        d.paragraphs.addAll(BodyText.ofPlain(text.toString()));
        if (d.paragraphs.isEmpty() && d.headline == null) {
            throw new ParseException("zczc: message has no fields and no text: not a story");
        }
        return d;
    }

    private static String one(Map<String, List<String>> fields, String key) {
        List<String> v = fields.get(key);
        return v == null || v.isEmpty() ? null : String.join(" ", v);
    }
}
