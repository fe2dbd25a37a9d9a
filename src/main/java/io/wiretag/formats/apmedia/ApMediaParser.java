package io.wiretag.formats.apmedia;

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
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * AP Media API JSON: a content answer ({@code data.item}, one story) or a feed page ({@code data.items[]},
 * one story per {@code items[].item} summary). The API sends metadata only; the text is in the NITF
 * rendition it links to, so these stories have a headline and an empty body (noted in the warnings) until
 * {@link ApRendition#merge} joins them with that rendition.
 */
public final class ApMediaParser implements WireParser {
    private static final String AP_CV = "http://cv.ap.org/id/";

    private final int maxBytes;

    public ApMediaParser() {
        this(FormatDetector.DEFAULT_MAX_BYTES);
    }

    /** Refuses an input over {@code maxBytes} (wiretag.max.input.bytes) before reading it. */
    public ApMediaParser(int maxBytes) {
        this.maxBytes = maxBytes;
    }

    @Override
    public String format() {
        return "ap-media";
    }

    @Override
    public int sniff(Sniff sniff) {
        String head = sniff.head();
        if (!JsonInput.looksLikeJson(head)) {
            return 0;
        }
        if (head.contains("\"api_version\"") && head.contains("\"data\"")) {
            return 100;
        }
        return head.contains("\"altids\"") && head.contains("\"itemid\"") && head.contains("\"renditions\"") ? 70 : 0;
    }

    @Override
    public ParseResult parse(RawInput input) throws ParseException {
        JsonInput.Doc doc = JsonInput.read(format(), input.bytes(), maxBytes);
        JsonNode root = doc.root();
        if (!root.isObject()) {
            throw new ParseException("ap-media: the document is not a JSON object, not an AP Media API answer");
        }
        JsonNode error = root.get("error");
        if (error != null && !error.isNull()) {
            throw new ParseException("ap-media: an API error answer, not content: "
                    + firstNonNull(JsonInput.text(error, "message", "code"), error.toString()));
        }
        JsonNode data = root.has("data") ? root.get("data") : root;
        if (data.has("item") && data.get("item").isObject()) {
            return ParseResult.of(story(data.get("item"), input, input.delivery(format(), null, doc.detectedCharset())));
        }
        JsonNode items = data.get("items");
        if (items == null || !items.isArray()) {
            throw new ParseException("ap-media: neither data.item (one story) nor data.items (a feed page) in this answer");
        }
        if (items.isEmpty()) {
            throw new ParseException("ap-media: feed page with no items (nothing new since the last page"
                    + (JsonInput.text(data, "next_page") == null ? "" : "; next_page " + JsonInput.text(data, "next_page")) + ")");
        }
        StoryDraft.Delivery delivery = input.delivery(format(), null, doc.detectedCharset());
        return Items.read(items, JsonInput.MAX_ITEMS,
                "ap-media: more than " + JsonInput.MAX_ITEMS + " items in one page; items from here on were not read",
                (wrapper, i) -> story(wrapper.has("item") ? wrapper.get("item") : wrapper, input, delivery),
                failures -> "ap-media: none of the " + failures.size() + " feed items is readable; first: " + failures.get(0).reason());
    }

    private Story story(JsonNode item, RawInput input, StoryDraft.Delivery delivery) throws ParseException {
        if (item == null || !item.isObject()) {
            throw new ParseException("ap-media: a feed entry has no item object");
        }
        StoryDraft d = new StoryDraft();
        JsonNode altids = item.get("altids");
        d.guid = JsonInput.text(altids, "itemid");
        if (d.guid == null) {
            throw new ParseException("ap-media: item without altids.itemid, the id every AP version shares");
        }
        String provider = JsonInput.text(item, "provider");
        d.provider = provider == null ? "ap" : provider.toLowerCase(Locale.ROOT);
        d.version = JsonInput.text(item, "version");
        d.versionCreated = JsonInput.date(item, d, format(), "versioncreated");
        d.firstCreated = JsonInput.date(item, d, format(), "firstcreated");
        d.embargoedUntil = JsonInput.date(item, d, format(), "embargoed", "embargoeduntil");
        String status = JsonInput.text(item, "pubstatus");
        d.pubStatus = status == null ? null : PubStatus.parse(status);
        if (status != null && d.pubStatus == null) {
            d.warnings.add("ap-media: unknown pubstatus \"" + status + "\", read as usable");
        }
        String signals = String.valueOf(item.get("signals")).toLowerCase(Locale.ROOT);
        if (d.pubStatus == null && signals.contains("withheld")) {
            d.pubStatus = PubStatus.WITHHELD;
        }
        d.urgency = JsonInput.urgency(item, d, format(), "urgency");
        d.language = JsonInput.text(item, "language");
        d.headline = JsonInput.text(item, "headline", "title");
        if (d.headline == null && !PubStatus.isNotice(d.pubStatus)) {
            throw new ParseException("ap-media: item " + d.guid + " has no headline or title");
        }
        d.slugline = JsonInput.text(item, "slugline", "title");
        d.byline = bylines(item.get("bylines"));
        String ednote = JsonInput.text(item, "ednote");
        if (ednote != null) {
            d.editorNotes.add(ednote);
        }
        addSubjects(d.subjects, item.get("subject"));
        addSubjects(d.subjects, item.get("person"));
        addSubjects(d.subjects, item.get("place"));
        addSubjects(d.subjects, item.get("organisation"));
        JsonNode nitf = item.path("renditions").path("nitf");
        if (nitf.isObject()) {
            // The wording is what ApRendition.awaitsRendition recognises; the merge with the rendition removes it.
            String href = JsonInput.text(nitf, "href");
            d.warnings.add(ApRendition.AWAITS_NITF + (href == null ? "" : " " + href) + ", so the body is empty");
        } else {
            d.warnings.add("ap-media: metadata only and no NITF rendition listed, so the body is empty");
        }
        Integer version = JsonInput.integer(item, "version");
        if (d.pubStatus == PubStatus.CANCELED || signals.contains("kill")) {
            d.revision = Revision.KILL;
        } else if (signals.contains("correction")) {
            d.revision = Revision.CORRECTION;
        } else {
            // AP numbers versions from 0: version 0 is the first transmission.
            d.revision = version != null && version > 0 ? Revision.UPDATE : Revision.NEW;
        }
        return d.build(delivery);
    }

    /** The subjects AP tagged directly and its category codes; ancestors it only derived are left out. */
    private static void addSubjects(List<Subject> out, JsonNode list) {
        if (list == null || !list.isArray()) {
            return;
        }
        for (JsonNode s : list) {
            String rels = String.valueOf(s.get("rels"));
            String code = JsonInput.text(s, "code");
            String name = JsonInput.text(s, "name");
            if (code == null && name == null || rels.contains("ancestor")) {
                continue;
            }
            String prefix = rels.contains("category") ? "apcategory:" : AP_CV.equals(JsonInput.text(s, "scheme")) ? "apcv:" : "";
            out.add(new Subject(code == null ? null : prefix + code, name));
        }
    }

    private static String bylines(JsonNode list) {
        if (list == null || !list.isArray()) {
            return null;
        }
        List<String> names = new ArrayList<>();
        for (JsonNode b : list) {
            String by = JsonInput.text(b, "by");
            if (by != null) {
                names.add(by);
            }
        }
        return names.isEmpty() ? null : String.join("; ", names);
    }

    private static String firstNonNull(String a, String b) {
        return a != null ? a : b;
    }
}
