package io.wiretag.formats.ninjs;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import io.wiretag.formats.Charsets;
import io.wiretag.formats.Dates;
import io.wiretag.formats.ParseException;
import io.wiretag.story.StoryDraft;
import io.wiretag.story.Subject;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;

/**
 * What the JSON wire formats (ninjs, AP Media API, dpa digitalwires) share: a strict, size-limited JSON
 * read whose errors say where and what in words a person can act on, field lookups that accept the
 * several spellings one field has had, and HTML bodies turned into paragraphs.
 */
public final class JsonInput {
    /** Inputs larger than this are refused before parsing. */
    public static final int MAX_BYTES = 16 * 1024 * 1024;
    /** Items read from one feed or list; the rest are reported as failures, not silently dropped. */
    public static final int MAX_ITEMS = 10_000;

    private static final ObjectMapper STRICT = JsonMapper.builder(JsonFactory.builder()
                    .streamReadConstraints(StreamReadConstraints.builder()
                            .maxNestingDepth(200)
                            .maxStringLength(MAX_BYTES)
                            .maxNumberLength(100)
                            .build())
                    .build())
            .build();

    private JsonInput() {
    }

    /** A parsed document and the charset its bytes were in. */
    public record Doc(JsonNode root, String detectedCharset) {
    }

    /**
     * Parses the bytes as JSON, strictly: a raw newline inside a string is an error (that is what the
     * JSON spec says, and what the producer must fix). Encoding is detected, not assumed.
     */
    public static Doc read(String format, byte[] bytes) throws ParseException {
        return read(format, bytes, MAX_BYTES);
    }

    /** {@link #read(String, byte[])}, refusing an input over {@code maxBytes} (wiretag.max.input.bytes). */
    public static Doc read(String format, byte[] bytes, int maxBytes) throws ParseException {
        if (bytes.length > maxBytes) {
            throw new ParseException(format + ": input is " + bytes.length + " bytes, over the limit of " + maxBytes
                    + " bytes (wiretag.max.input.bytes)");
        }
        Charsets.Decoded decoded = Charsets.decode(bytes, "utf-8");
        String text = decoded.text();
        if (text.isBlank()) {
            throw new ParseException(format + ": empty document, no JSON in it");
        }
        try {
            JsonNode root = STRICT.readTree(text);
            if (root == null || root.isMissingNode()) {
                throw new ParseException(format + ": empty document, no JSON in it");
            }
            return new Doc(root, decoded.detected());
        } catch (JsonProcessingException e) {
            throw new ParseException(format + ": " + describe(e), e);
        }
    }

    /** "invalid JSON at line 3, column 12: illegal unquoted control character in a string". */
    static String describe(JsonProcessingException e) {
        JsonLocation at = e.getLocation();
        String where = at == null || at.getLineNr() < 0 ? "" : " at line " + at.getLineNr() + ", column " + at.getColumnNr();
        String msg = e.getOriginalMessage() == null ? "" : e.getOriginalMessage();
        String what;
        if (msg.startsWith("Illegal unquoted character")) {
            String code = msg.replaceAll("(?s).*code (\\d+).*", "$1");
            what = "illegal unquoted control character in a string (character code " + code
                    + "; a line break inside a string must be written as \\n)";
        } else if (msg.startsWith("Unexpected end-of-input")) {
            what = "the document ends early (truncated?): " + firstLine(msg);
        } else if (msg.startsWith("Unexpected character")) {
            what = "unexpected character: " + firstLine(msg).replaceFirst("^Unexpected character ", "");
        } else {
            what = firstLine(msg);
        }
        return "invalid JSON" + where + ": " + what;
    }

    private static String firstLine(String s) {
        int nl = s.indexOf('\n');
        return nl < 0 ? s : s.substring(0, nl);
    }

    /** The first of the named fields that holds a non-blank scalar, as text; null if none does. */
    public static String text(JsonNode node, String... names) {
        if (node == null) {
            return null;
        }
        for (String name : names) {
            JsonNode v = node.get(name);
            if (v != null && v.isValueNode() && !v.isNull()) {
                String s = v.asText();
                if (!s.isBlank()) {
                    return s.strip();
                }
            }
        }
        return null;
    }

    /** The first named field holding an integer (a JSON number or a numeric string); null if none. */
    public static Integer integer(JsonNode node, String... names) {
        String s = text(node, names);
        if (s == null) {
            return null;
        }
        try {
            return Integer.valueOf(s.strip());
        } catch (NumberFormatException e) {
            return null;
        }
    }

    /** An urgency 1..9 from the named fields, or null (with a warning) when the value is out of range. */
    public static Integer urgency(JsonNode node, StoryDraft draft, String format, String... names) {
        String raw = text(node, names);
        if (raw == null) {
            return null;
        }
        Integer u = integer(node, names);
        if (u == null || u < 1 || u > 9) {
            draft.warnings.add(format + ": urgency \"" + raw + "\" is not 1..9, left empty");
            return null;
        }
        return u;
    }

    /** Reads a date field; an unreadable one becomes null and a warning naming the field and the value. */
    public static Instant date(JsonNode node, StoryDraft draft, String format, String... names) {
        for (String name : names) {
            String v = text(node, name);
            if (v != null) {
                Instant i = Dates.parse(v);
                if (i == null) {
                    draft.warnings.add(format + ": unreadable date in " + name + ": \"" + v + "\", left empty");
                }
                return i;
            }
        }
        return null;
    }

    /** Subjects from a list of objects with a code (or qcode/uri) and a name; items without either are skipped. */
    public static List<Subject> subjects(JsonNode list, String prefix) {
        List<Subject> out = new ArrayList<>();
        if (list == null || !list.isArray()) {
            return out;
        }
        for (JsonNode s : list) {
            String code = text(s, "code", "qcode", "uri");
            String name = text(s, "name", "value");
            if (code != null || name != null) {
                out.add(new Subject(code == null ? null : prefix + code, name));
            }
        }
        return out;
    }

    /**
     * An HTML fragment as paragraphs: one per block element (p, h1-h6, li, blockquote, pre, td rows), the
     * text of the fragment when it has no blocks. Scripts and styles are dropped.
     */
    public static List<String> htmlParagraphs(String html) {
        List<String> out = new ArrayList<>();
        if (html == null || html.isBlank()) {
            return out;
        }
        Document doc = Jsoup.parseBodyFragment(html);
        doc.select("script, style, head").remove();
        List<Element> blocks = doc.body().select("p, h1, h2, h3, h4, h5, h6, li, blockquote, pre, tr, dd, dt");
        // a set, not the list: a 10 MB body has 100,000 blocks, and a list lookup per ancestor was quadratic
        java.util.Set<Element> isBlock = java.util.Collections.newSetFromMap(new java.util.IdentityHashMap<>());
        isBlock.addAll(blocks);
        for (Element b : blocks) {
            // a block inside another block is read with its parent
            if (b.parents().stream().anyMatch(isBlock::contains)) {
                continue;
            }
            String t = b.text().strip();
            if (!t.isEmpty()) {
                out.add(t);
            }
        }
        if (out.isEmpty()) {
            String t = doc.body().text().strip();
            if (!t.isEmpty()) {
                out.add(t);
            }
        }
        return out;
    }

    /** Plain text as paragraphs: blank lines separate them; a text with none but line breaks has one per line. */
    public static List<String> textParagraphs(String text) {
        List<String> out = new ArrayList<>();
        if (text == null || text.isBlank()) {
            return out;
        }
        String t = text.replace("\r\n", "\n").replace('\r', '\n');
        String[] parts = t.contains("\n\n") ? t.split("\\n\\s*\\n") : t.split("\\n");
        for (String p : parts) {
            if (!p.isBlank()) {
                out.add(p.strip());
            }
        }
        return out;
    }

    /** The host of an http(s) URI, lower-case, for a provider name when a source names none; else null. */
    public static String host(String uri) {
        if (uri == null) {
            return null;
        }
        try {
            java.net.URI u = new java.net.URI(uri);
            String scheme = u.getScheme();
            if (scheme != null && scheme.toLowerCase(Locale.ROOT).startsWith("http") && u.getHost() != null) {
                return u.getHost().toLowerCase(Locale.ROOT);
            }
        } catch (java.net.URISyntaxException e) {
            return null;
        }
        return null;
    }

    /** Whether the head of an input looks like JSON (an object or an array of objects). */
    public static boolean looksLikeJson(String head) {
        return !head.isEmpty() && (head.charAt(0) == '{' || head.charAt(0) == '[' && head.substring(1).stripLeading().startsWith("{"));
    }

}
