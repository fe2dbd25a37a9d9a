package io.wiretag.formats.dpa;

import com.fasterxml.jackson.databind.JsonNode;
import io.wiretag.formats.Items;
import io.wiretag.formats.FormatDetector;
import io.wiretag.formats.ParseException;
import io.wiretag.formats.ParseResult;
import io.wiretag.formats.RawInput;
import io.wiretag.formats.Sniff;
import io.wiretag.formats.WireParser;
import io.wiretag.formats.ninjs.JsonInput;
import io.wiretag.story.PubStatus;
import io.wiretag.story.Revision;
import io.wiretag.story.Story;
import io.wiretag.story.StoryDraft;
import io.wiretag.story.Subject;
import java.util.Locale;
import java.util.Set;

/**
 * dpa digitalwires JSON: one entry per document, or an API answer with {@code entries[]}. The text is
 * {@code article_html}; signals ({@code sig:update}, {@code sig:correction}, {@code sig:kill}) give the
 * revision; every ednote, public or not, goes to editorNotes (never into the body).
 */
public final class DigitalwiresParser implements WireParser {
    /** Category types whose qcodes are subject codes a newsroom can use. */
    private static final Set<String> SUBJECT_TYPES = Set.of("dnltype:dpasubject", "dnltype:geosubject", "dnltype:keyword");

    private final int maxBytes;

    public DigitalwiresParser() {
        this(FormatDetector.DEFAULT_MAX_BYTES);
    }

    /** Refuses an input over {@code maxBytes} (wiretag.max.input.bytes) before reading it. */
    public DigitalwiresParser(int maxBytes) {
        this.maxBytes = maxBytes;
    }

    @Override
    public String format() {
        return "dpa-digitalwires";
    }

    @Override
    public int sniff(Sniff sniff) {
        String head = sniff.head();
        if (!JsonInput.looksLikeJson(head)) {
            return 0;
        }
        if (head.contains("\"digitalwires@")) {
            return 100;
        }
        return head.contains("\"entry_id\"") && head.contains("\"urn\"") ? 80 : 0;
    }

    @Override
    public ParseResult parse(RawInput input) throws ParseException {
        JsonInput.Doc doc = JsonInput.read(format(), input.bytes(), maxBytes);
        JsonNode root = doc.root();
        JsonNode entries = root.isArray() ? root : root.get("entries");
        if (entries == null) {
            return ParseResult.of(story(root, input, input.delivery(format(), null, doc.detectedCharset())));
        }
        if (!entries.isArray() || entries.isEmpty()) {
            throw new ParseException("dpa-digitalwires: an answer with no entries, nothing to read");
        }
        StoryDraft.Delivery delivery = input.delivery(format(), null, doc.detectedCharset());
        return Items.read(entries, JsonInput.MAX_ITEMS,
                "dpa-digitalwires: more than " + JsonInput.MAX_ITEMS + " entries in one input; entries from here on were not read",
                (entry, i) -> story(entry, input, delivery),
                failures -> "dpa-digitalwires: none of the " + failures.size() + " entries is readable; first: " + failures.get(0).reason());
    }

    private Story story(JsonNode e, RawInput input, StoryDraft.Delivery delivery) throws ParseException {
        if (e == null || !e.isObject()) {
            throw new ParseException("dpa-digitalwires: an entry is not a JSON object");
        }
        StoryDraft d = new StoryDraft();
        d.provider = "dpa";
        d.guid = JsonInput.text(e, "urn", "entry_id");
        if (d.guid == null) {
            throw new ParseException("dpa-digitalwires: entry without urn, the id every dpa version shares");
        }
        d.version = JsonInput.text(e, "version");
        d.versionCreated = JsonInput.date(e, d, format(), "version_created", "updated");
        d.firstCreated = JsonInput.date(e, d, format(), "content_created", "first_created");
        d.embargoedUntil = JsonInput.date(e, d, format(), "embargoed");
        String status = JsonInput.text(e, "pubstatus");
        d.pubStatus = status == null ? null : PubStatus.parse(status);
        d.urgency = JsonInput.urgency(e, d, format(), "urgency");
        d.language = JsonInput.text(e, "language");
        d.headline = JsonInput.text(e, "headline");
        d.byline = JsonInput.text(e, "byline");
        String dateline = JsonInput.text(e, "dateline");
        if (dateline != null) {
            // "New York (dpa) - " is printed before the text; the dateline itself ends at the agency.
            d.dateline = dateline.replaceFirst("\\s*[-–—]\\s*$", "").strip();
            d.located = d.dateline.replaceFirst("\\s*\\(.*$", "").strip();
        }
        d.paragraphs.addAll(JsonInput.htmlParagraphs(JsonInput.text(e, "article_html")));
        JsonNode ednotes = e.get("ednotes");
        if (ednotes != null && ednotes.isArray()) {
            for (JsonNode n : ednotes) {
                String text = JsonInput.text(n, "ednote");
                if (text != null) {
                    String role = JsonInput.text(n, "role");
                    d.editorNotes.add(role == null ? text : role.replaceFirst("^.*:", "") + ": " + text);
                }
            }
        }
        JsonNode categories = e.get("categories");
        if (categories != null && categories.isArray()) {
            for (JsonNode c : categories) {
                if (SUBJECT_TYPES.contains(JsonInput.text(c, "type")) && JsonInput.text(c, "name") != null) {
                    d.subjects.add(new Subject(JsonInput.text(c, "qcode"), JsonInput.text(c, "name")));
                }
            }
        }
        d.revision = revision(e, d);
        if (d.revision == Revision.KILL) {
            d.pubStatus = PubStatus.CANCELED;
        }
        if (!PubStatus.isNotice(d.pubStatus) && d.headline == null && d.paragraphs.isEmpty()) {
            throw new ParseException("dpa-digitalwires: entry " + d.guid + " has no headline and no article_html");
        }
        return d.build(delivery);
    }

    /** From {@code signal} (or the signal categories): update, correction, kill; else by pubstatus. */
    private static Revision revision(JsonNode e, StoryDraft d) {
        StringBuilder signals = new StringBuilder(String.valueOf(JsonInput.text(e, "signal")));
        JsonNode categories = e.get("categories");
        if (categories != null && categories.isArray()) {
            for (JsonNode c : categories) {
                if ("dnltype:signal".equals(JsonInput.text(c, "type"))) {
                    signals.append(' ').append(JsonInput.text(c, "qcode"));
                }
            }
        }
        String s = signals.toString().toLowerCase(Locale.ROOT);
        if (d.pubStatus == PubStatus.CANCELED || s.contains("sig:kill") || s.contains("sig:delete") || s.contains("sig:cancel")) {
            return Revision.KILL;
        }
        if (s.contains("sig:correction")) {
            return Revision.CORRECTION;
        }
        if (s.contains("sig:update")) {
            return Revision.UPDATE;
        }
        return Revision.NEW;
    }
}
