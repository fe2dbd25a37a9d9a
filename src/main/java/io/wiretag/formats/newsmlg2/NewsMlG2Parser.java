package io.wiretag.formats.newsmlg2;

import io.wiretag.formats.Items;
import io.wiretag.formats.FormatDetector;
import io.wiretag.formats.ParseException;
import io.wiretag.formats.ParseResult;
import io.wiretag.formats.RawInput;
import io.wiretag.formats.Sniff;
import io.wiretag.formats.WireParser;
import io.wiretag.formats.nitf.NitfParser;
import io.wiretag.formats.xml.BodyText;
import io.wiretag.formats.xml.Dom;
import io.wiretag.formats.xml.Fields;
import io.wiretag.formats.xml.Providers;
import io.wiretag.formats.xml.Revisions;
import io.wiretag.formats.xml.SafeXml;
import io.wiretag.formats.xml.XmlRoot;
import io.wiretag.story.PubStatus;
import io.wiretag.story.Revision;
import io.wiretag.story.StoryDraft;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.w3c.dom.Element;

/**
 * IPTC NewsML-G2: a {@code newsMessage} of many items or a bare {@code newsItem}. Reads ids and versions,
 * status and every way agencies signal a revision (G2 signals, Reuters {@code edStat}, AP take keys,
 * {@code CORRECTED-} headlines), embargo, subjects, and the inline NITF, XHTML or plain-text body.
 */
public final class NewsMlG2Parser implements WireParser {
    static final String FORMAT = "newsml-g2";
    /** G2 roots that are not news: a receiver may get them on the same feed, but they carry no story. */
    private static final Set<String> NON_STORY_ROOTS = Set.of("packageItem", "conceptItem", "knowledgeItem",
            "planningItem", "catalogItem", "catalog");

    private final int maxBytes;

    public NewsMlG2Parser() {
        this(FormatDetector.DEFAULT_MAX_BYTES);
    }

    /** Refuses an input over {@code maxBytes} (wiretag.max.input.bytes) before reading it. */
    public NewsMlG2Parser(int maxBytes) {
        this.maxBytes = maxBytes;
    }

    @Override
    public String format() {
        return FORMAT;
    }

    @Override
    public int sniff(Sniff sniff) {
        String root = XmlRoot.localName(sniff);
        if ("newsMessage".equals(root) || "newsItem".equals(root)) {
            return 100;
        }
        return root != null && NON_STORY_ROOTS.contains(root) && sniff.head().contains("iptc.org/std/nar") ? 90 : 0;
    }

    @Override
    public ParseResult parse(RawInput input) throws ParseException {
        SafeXml.Text text = SafeXml.decode(input.bytes());
        Element root = SafeXml.parseStrict(FORMAT, text.xml(), maxBytes).getDocumentElement();
        String rootName = Dom.name(root);
        List<Element> items = new ArrayList<>();
        if (rootName.equals("newsItem")) {
            items.add(root);
        } else if (rootName.equals("newsMessage")) {
            for (Element set : Dom.children(root, "itemSet")) {
                items.addAll(Dom.children(set, "newsItem"));
            }
            if (items.isEmpty()) {
                List<String> kinds = new ArrayList<>();
                for (Element set : Dom.children(root, "itemSet")) {
                    for (Element other : Dom.children(set)) {
                        kinds.add(Dom.name(other));
                    }
                }
                throw new ParseException(FORMAT + ": newsMessage holds no newsItem"
                        + (kinds.isEmpty() ? " (no itemSet content: a service message, not a story)" : " (only " + kinds + ")"));
            }
        } else {
            throw new ParseException(FORMAT + ": root element <" + rootName + "> is not a newsMessage or newsItem"
                    + (NON_STORY_ROOTS.contains(rootName) ? ": a " + rootName + " carries no story" : ""));
        }
        StoryDraft.Delivery delivery = input.delivery(FORMAT, text.declaredCharset(), text.detectedCharset());
        return Items.read(items,
                (item, i) -> readItem(item, i, items.size(), input).build(delivery),
                failures -> FORMAT + ": none of the " + failures.size() + " newsItems is a story: "
                        + failures.stream().map(ParseResult.ItemFailure::reason).toList());
    }

    private static StoryDraft readItem(Element item, int index, int count, RawInput input) throws ParseException {
        String guid = Dom.attr(item, "guid");
        String where = "newsItem" + (guid == null ? "" : " '" + guid + "'") + (count > 1 ? " (item " + (index + 1) + " of " + count + ")" : "");
        Element itemMeta = Dom.child(item, "itemMeta");
        Element contentMeta = Dom.child(item, "contentMeta");
        if (itemMeta == null || contentMeta == null) {
            String missing = itemMeta == null && contentMeta == null ? "no itemMeta and no contentMeta"
                    : itemMeta == null ? "no itemMeta" : "no contentMeta";
            throw new ParseException(FORMAT + ": " + where + " has " + missing
                    + ": incomplete, not a NewsML-G2 news item (both are required)");
        }
        String itemClass = Dom.attr(Dom.child(itemMeta, "itemClass"), "qcode");
        if (itemClass != null && !itemClass.toLowerCase(Locale.ROOT).endsWith(":text")) {
            throw new ParseException(FORMAT + ": " + where + " is a " + itemClass + " item, not text: no story to read");
        }
        StoryDraft d = new StoryDraft();
        d.guid = guid;
        d.version = Dom.attr(item, "version");
        if (d.guid == null) {
            d.warnings.add(where + " has no guid; the story id is derived from its content");
        }
        if (d.version == null) {
            d.warnings.add(where + " has no version attribute");
        }
        Element provider = Dom.child(itemMeta, "provider");
        d.provider = Providers.first(Providers.fromGuid(guid), Dom.attr(provider, "literal"),
                Dom.childText(provider, "name"), Dom.attr(provider, "qcode"), input.provider());
        d.versionCreated = Fields.date(d, "versionCreated", Dom.childText(itemMeta, "versionCreated"));
        d.firstCreated = Fields.date(d, "firstCreated", Dom.childText(itemMeta, "firstCreated"));
        d.embargoedUntil = Fields.date(d, "embargoed", Dom.childText(itemMeta, "embargoed"));
        String status = Dom.attr(Dom.child(itemMeta, "pubStatus"), "qcode");
        d.pubStatus = PubStatus.parse(status);
        if (status != null && d.pubStatus == null) {
            d.warnings.add("pubStatus '" + status + "' is unknown; read as usable");
        }
        for (Element note : Dom.children(itemMeta, "edNote")) {
            String n = Dom.text(note);
            if (n != null) {
                d.editorNotes.add(n);
            }
        }
        boolean explicitSignal = false;
        for (Element signal : Dom.children(itemMeta, "signal")) {
            Revision r = Revisions.fromSignal(Dom.attr(signal, "qcode"));
            if (r != null) {
                explicitSignal = true;
                d.revision = Revisions.strongest(d.revision, r);
            }
        }

        d.urgency = Fields.urgency(d, Dom.childText(contentMeta, "urgency"));
        d.slugline = Dom.childText(contentMeta, "slugline");
        d.headline = headline(contentMeta);
        d.dateline = Dom.childText(contentMeta, "dateline");
        d.byline = Dom.childText(contentMeta, "by");
        d.located = Dom.childText(Dom.child(contentMeta, "located"), "name");
        String langTag = Dom.attr(Dom.child(contentMeta, "language"), "tag");
        d.language = langTag != null ? langTag : Dom.language(item);
        for (Element subject : Dom.children(contentMeta, "subject")) {
            String qcode = Dom.attr(subject, "qcode");
            if (qcode != null) {
                Fields.subject(d, qcode, Dom.childText(subject, "name"));
            }
        }
        readContent(item, d, where);
        if (d.byline == null) {
            d.byline = Dom.childText(Dom.child(contentMeta, "creator"), "name");
        }

        d.revision = Revisions.strongest(d.revision, Revisions.fromSlugline(d.slugline));
        d.revision = Revisions.strongest(d.revision, Revisions.fromHeadline(d.headline));
        if (d.pubStatus == PubStatus.CANCELED || d.revision == Revision.KILL) {
            d.pubStatus = PubStatus.CANCELED;
            d.revision = Revision.KILL;
        } else if (d.revision == null && !explicitSignal && d.version != null && d.version.matches("\\d{1,6}")
                && Integer.parseInt(d.version) > 1) {
            // G2 versions count from 1; without a signal saying otherwise, a later version updates the story.
            d.revision = Revision.UPDATE;
        }
        if (d.paragraphs.isEmpty() && d.headline == null && d.revision != Revision.KILL && !PubStatus.isNotice(d.pubStatus)) {
            throw new ParseException(FORMAT + ": " + where + " has neither a headline nor body text");
        }
        return d;
    }

    /** The headline of rank 1 (or the first); G2 allows several with ranks. */
    private static String headline(Element contentMeta) {
        String best = null;
        int bestRank = Integer.MAX_VALUE;
        for (Element h : Dom.children(contentMeta, "headline")) {
            String rank = Dom.attr(h, "rank");
            int r = rank != null && rank.matches("\\d{1,6}") ? Integer.parseInt(rank) : Integer.MAX_VALUE - 1;
            String t = Dom.text(h);
            if (t != null && r < bestRank) {
                best = t;
                bestRank = r;
            }
        }
        return best;
    }

    /** The first text rendition in contentSet: inline NITF, XHTML, or plain text in inlineData. */
    private static void readContent(Element item, StoryDraft d, String where) {
        Element contentSet = Dom.child(item, "contentSet");
        for (Element content : Dom.children(contentSet)) {
            String name = Dom.name(content);
            String type = String.valueOf(Dom.attr(content, "contenttype")).toLowerCase(Locale.ROOT);
            if (name.equals("inlineXML")) {
                Element nitf = Dom.first(content, "nitf");
                Element html = Dom.first(content, "html");
                if (nitf != null) {
                    NitfParser.readBody(nitf, d);
                } else if (html != null) {
                    if (d.headline == null) {
                        d.headline = firstText(Dom.first(html, "h1"), Dom.first(html, "title"));
                    }
                    Element body = Dom.child(html, "body");
                    BodyText.Result r = BodyText.of(body != null ? body : html);
                    List<String> paragraphs = new ArrayList<>(r.paragraphs());
                    d.editorNotes.addAll(r.notes());
                    BodyText.moveEditorialLines(paragraphs, d.editorNotes);
                    d.paragraphs.addAll(paragraphs);
                } else {
                    BodyText.Result r = BodyText.of(content);
                    d.paragraphs.addAll(r.paragraphs());
                }
                return;
            }
            if (name.equals("inlineData") && (type.startsWith("text/") || type.equals("null"))) {
                List<String> paragraphs = type.contains("html") ? new ArrayList<>(BodyText.ofHtml(content.getTextContent()).paragraphs())
                        : BodyText.ofPlain(content.getTextContent());
                BodyText.moveEditorialLines(paragraphs, d.editorNotes);
                d.paragraphs.addAll(paragraphs);
                return;
            }
        }
        if (contentSet == null) {
            d.warnings.add(where + " has no contentSet: no body");
        }
    }

    private static String firstText(Element... candidates) {
        for (Element e : candidates) {
            String t = Dom.text(e);
            if (t != null) {
                return t;
            }
        }
        return null;
    }
}
