package io.wiretag.formats.ninjs;

import com.fasterxml.jackson.databind.JsonNode;
import io.wiretag.formats.Items;
import io.wiretag.formats.FormatDetector;
import io.wiretag.formats.ParseException;
import io.wiretag.formats.ParseResult;
import io.wiretag.formats.RawInput;
import io.wiretag.formats.Sniff;
import io.wiretag.formats.WireParser;
import io.wiretag.story.PubStatus;
import io.wiretag.story.Revision;
import io.wiretag.story.Story;
import io.wiretag.story.StoryDraft;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * IPTC ninjs (News in JSON) 1.x, 2.x and 3.x, and Superdesk's 1.x flavour ({@code guid} for {@code uri},
 * {@code body_html}, {@code priority}). One object is one story; an array of objects is many, and a bad
 * one among them is reported as an item failure while the others are delivered.
 */
public final class NinjsParser implements WireParser {
    /** Field names only ninjs uses (in any of its versions); two of them make a document ninjs. */
    private static final Pattern NINJS_KEYS = Pattern.compile(
            "\"(uri|guid|versioncreated|versionCreated|pubstatus|pubStatus|headline|headlines|body_text|body_xhtml|body_html"
                    + "|bodies|embargoed|embargoedUntil|firstcreated|firstCreated|urgency|located|byline|by|subject|subjects"
                    + "|altids|profile|ednote)\"\\s*:");

    private final int maxBytes;

    public NinjsParser() {
        this(FormatDetector.DEFAULT_MAX_BYTES);
    }

    /** Refuses an input over {@code maxBytes} (wiretag.max.input.bytes) before reading it. */
    public NinjsParser(int maxBytes) {
        this.maxBytes = maxBytes;
    }

    @Override
    public String format() {
        return "ninjs";
    }

    @Override
    public int sniff(Sniff sniff) {
        String head = sniff.head();
        if (!JsonInput.looksLikeJson(head)) {
            return 0;
        }
        // The other JSON wires carry ninjs-like field names too; their own markers make them theirs.
        if (head.contains("\"api_version\"") || head.contains("digitalwires@") || head.contains("\"entry_id\"")) {
            return 0;
        }
        var m = NINJS_KEYS.matcher(head);
        int keys = 0;
        java.util.Set<String> seen = new java.util.HashSet<>();
        while (m.find() && keys < 6) {
            if (seen.add(m.group(1))) {
                keys++;
            }
        }
        boolean id = head.contains("\"uri\"") || head.contains("\"guid\"");
        if (keys >= 3 && id) {
            return 80;
        }
        return keys >= 2 && id ? 50 : 0;
    }

    @Override
    public ParseResult parse(RawInput input) throws ParseException {
        JsonInput.Doc doc = JsonInput.read(format(), input.bytes(), maxBytes);
        JsonNode root = doc.root();
        if (root.isObject()) {
            return ParseResult.of(story(root, input, input.delivery(format(), null, doc.detectedCharset())));
        }
        if (!root.isArray()) {
            throw new ParseException("ninjs: the document is a JSON " + root.getNodeType().toString().toLowerCase(Locale.ROOT)
                    + ", not an object (one story) or an array of objects");
        }
        StoryDraft.Delivery delivery = input.delivery(format(), null, doc.detectedCharset());
        return Items.read(root, JsonInput.MAX_ITEMS,
                "ninjs: more than " + JsonInput.MAX_ITEMS + " items in one input; items from here on were not read",
                (item, i) -> story(item, input, delivery),
                failures -> "ninjs: none of the " + failures.size() + " items is readable; first: " + failures.get(0).reason());
    }

    private Story story(JsonNode item, RawInput input, StoryDraft.Delivery delivery) throws ParseException {
        if (item == null || !item.isObject()) {
            throw new ParseException("ninjs: an item is not a JSON object");
        }
        StoryDraft d = new StoryDraft();
        String uri = JsonInput.text(item, "uri", "guid");
        d.guid = uri;
        d.provider = provider(item, input, uri);
        d.version = JsonInput.text(item, "version");
        d.versionCreated = JsonInput.date(item, d, format(), "versionCreated", "versioncreated");
        d.firstCreated = JsonInput.date(item, d, format(), "firstCreated", "firstcreated");
        d.embargoedUntil = JsonInput.date(item, d, format(), "embargoedUntil", "embargoed");
        String status = JsonInput.text(item, "pubStatus", "pubstatus");
        if (status != null) {
            d.pubStatus = PubStatus.parse(status);
            if (d.pubStatus == null) {
                d.warnings.add("ninjs: unknown pubstatus \"" + status + "\", read as usable");
            }
        }
        d.urgency = JsonInput.urgency(item, d, format(), "urgency");
        if (d.urgency == null) {
            d.urgency = JsonInput.urgency(item, d, format(), "priority");
        }
        d.language = JsonInput.text(item, "language", "lang");
        d.headline = headline(item);
        d.slugline = JsonInput.text(item, "slugline");
        d.byline = JsonInput.text(item, "byline", "by");
        d.located = located(item.get("located"));
        d.paragraphs.addAll(body(item));
        String ednote = JsonInput.text(item, "ednote", "edNote");
        if (ednote != null) {
            d.editorNotes.add(ednote);
        }
        d.subjects.addAll(JsonInput.subjects(item.get("subject"), ""));
        d.subjects.addAll(JsonInput.subjects(item.get("subjects"), ""));
        d.revision = revision(item, d);
        if (!PubStatus.isNotice(d.pubStatus) && (d.headline == null || d.headline.isBlank()) && d.paragraphs.isEmpty()) {
            throw new ParseException("ninjs: item " + (uri == null ? "without uri" : uri)
                    + " has no headline and no body: nothing to publish (only a kill or a withheld notice may come without text)");
        }
        return d.build(delivery);
    }

    private static String provider(JsonNode item, RawInput input, String uri) {
        JsonNode p = item.get("provider");
        if (p != null && p.isObject()) {
            String name = JsonInput.text(p, "name", "literal");
            if (name != null) {
                return name.toLowerCase(Locale.ROOT);
            }
        }
        String named = JsonInput.text(item, "provider", "source");
        if (named != null) {
            return named.toLowerCase(Locale.ROOT);
        }
        if (input.provider() != null && !input.provider().isBlank()) {
            return input.provider();
        }
        return JsonInput.host(uri);
    }

    /** ninjs 1: {@code headline}; 2 and 3: {@code headlines[]}, the one with role main first. */
    private static String headline(JsonNode item) {
        String h = JsonInput.text(item, "headline");
        if (h != null) {
            return h;
        }
        JsonNode list = item.get("headlines");
        if (list != null && list.isArray()) {
            String first = null;
            for (JsonNode e : list) {
                String v = JsonInput.text(e, "value");
                if (v == null) {
                    continue;
                }
                if ("main".equalsIgnoreCase(JsonInput.text(e, "role"))) {
                    return v;
                }
                first = first == null ? v : first;
            }
            return first;
        }
        return null;
    }

    /**
     * The body. Marked-up bodies are preferred because their paragraphs are marked (the IPTC examples'
     * body_text is one run-on paragraph); plain text is the fallback.
     */
    private static List<String> body(JsonNode item) {
        List<String> html = JsonInput.htmlParagraphs(JsonInput.text(item, "body_xhtml", "body_html"));
        if (!html.isEmpty()) {
            return html;
        }
        JsonNode bodies = item.get("bodies");
        if (bodies != null && bodies.isArray()) {
            String plain = null;
            for (JsonNode b : bodies) {
                String v = JsonInput.text(b, "value");
                if (v == null) {
                    continue;
                }
                String type = String.valueOf(JsonInput.text(b, "contentType", "contenttype")).toLowerCase(Locale.ROOT);
                String role = String.valueOf(JsonInput.text(b, "role")).toLowerCase(Locale.ROOT);
                if (type.contains("html") || role.contains("html")) {
                    List<String> p = JsonInput.htmlParagraphs(v);
                    if (!p.isEmpty()) {
                        return p;
                    }
                } else if (plain == null) {
                    plain = v;
                }
            }
            if (plain != null) {
                return JsonInput.textParagraphs(plain);
            }
        }
        return JsonInput.textParagraphs(JsonInput.text(item, "body_text"));
    }

    /** {@code located} is a string in ninjs 1; later versions and Superdesk also send an object or a list. */
    private static String located(JsonNode located) {
        if (located == null || located.isNull()) {
            return null;
        }
        if (located.isValueNode()) {
            return located.asText();
        }
        JsonNode first = located.isArray() && located.size() > 0 ? located.get(0) : located;
        return JsonInput.text(first, "name", "city", "value");
    }

    /** Kill for a canceled status; else a signal or an edStat if given; else update for a version after the first. */
    private static Revision revision(JsonNode item, StoryDraft d) {
        if (d.pubStatus == PubStatus.CANCELED) {
            return Revision.KILL;
        }
        String signals = String.valueOf(item.get("signals")).toLowerCase(Locale.ROOT);
        if (signals.contains("correction") || signals.contains("edstat:c")) {
            return Revision.CORRECTION;
        }
        if (signals.contains("update")) {
            return Revision.UPDATE;
        }
        Integer v = JsonInput.integer(item, "version");
        return v != null && v > 1 ? Revision.UPDATE : Revision.NEW;
    }
}
