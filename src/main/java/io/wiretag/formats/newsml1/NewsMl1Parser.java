package io.wiretag.formats.newsml1;

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
import org.w3c.dom.Element;

/**
 * IPTC NewsML 1.2 in the AFP and TASS profiles: the NewsIdentifier (ProviderId, DateId, NewsItemId,
 * RevisionId) or TASS's own guid, status and urgency from NewsManagement, the NewsLines of the main
 * (possibly nested) NewsComponent, and the NITF or text in its DataContent.
 */
public final class NewsMl1Parser implements WireParser {
    static final String FORMAT = "newsml-1";

    private final int maxBytes;

    public NewsMl1Parser() {
        this(FormatDetector.DEFAULT_MAX_BYTES);
    }

    /** Refuses an input over {@code maxBytes} (wiretag.max.input.bytes) before reading it. */
    public NewsMl1Parser(int maxBytes) {
        this.maxBytes = maxBytes;
    }

    @Override
    public String format() {
        return FORMAT;
    }

    @Override
    public int sniff(Sniff sniff) {
        return "NewsML".equals(XmlRoot.localName(sniff)) ? 100 : 0;
    }

    @Override
    public ParseResult parse(RawInput input) throws ParseException {
        SafeXml.Text text = SafeXml.decode(input.bytes());
        Element root = SafeXml.parseStrictRoot(FORMAT, text, "NewsML", maxBytes);
        List<Element> items = Dom.children(root, "NewsItem");
        if (items.isEmpty()) {
            throw new ParseException(FORMAT + ": NewsML holds no NewsItem (an envelope only, not a story)");
        }
        StoryDraft.Delivery delivery = input.delivery(FORMAT, text.declaredCharset(), text.detectedCharset());
        return Items.read(items,
                (item, i) -> readItem(item, i, items.size(), input).build(delivery),
                failures -> FORMAT + ": none of the " + failures.size() + " NewsItems is a story: "
                        + failures.stream().map(ParseResult.ItemFailure::reason).toList());
    }

    private static StoryDraft readItem(Element item, int index, int count, RawInput input) throws ParseException {
        String where = "NewsItem" + (count > 1 ? " " + (index + 1) + " of " + count : "");
        StoryDraft d = new StoryDraft();
        Element ident = Dom.path(item, "Identification", "NewsIdentifier");
        String providerId = Dom.childText(ident, "ProviderId");
        String dateId = Dom.childText(ident, "DateId");
        String newsItemId = Dom.childText(ident, "NewsItemId");
        Element revisionId = Dom.child(ident, "RevisionId");
        if (providerId != null && dateId != null && newsItemId != null) {
            // The PublicIdentifier ends in the revision; the story's family id is everything before it.
            d.guid = "urn:newsml:" + providerId + ":" + dateId + ":" + newsItemId;
        } else {
            // TASS puts its own id in a <guid> inside (misspelt) DescriptiveMetada
            d.guid = firstNonNull(Dom.text(Dom.first(item, "guid")), Dom.attr(item, "Duid"));
        }
        d.version = Dom.text(revisionId);
        d.provider = Providers.first(providerId,
                Dom.attr(Dom.first(Dom.first(item, "AdministrativeMetadata"), "Party"), "FormalName"), input.provider());

        Element management = Dom.child(item, "NewsManagement");
        String status = Dom.attr(Dom.child(management, "Status"), "FormalName");
        d.pubStatus = PubStatus.parse(status);
        if (status != null && d.pubStatus == null) {
            d.warnings.add("Status '" + status + "' is unknown; read as usable");
        }
        Element urgency = Dom.child(management, "Urgency");
        d.urgency = Fields.urgency(d, firstNonNull(Dom.attr(urgency, "FormalName"), Dom.text(urgency)));
        d.firstCreated = Fields.date(d, "FirstCreated", Dom.childText(management, "FirstCreated"));
        d.versionCreated = Fields.date(d, "ThisRevisionCreated", Dom.childText(management, "ThisRevisionCreated"));
        Element willChange = Dom.child(management, "StatusWillChange");
        if (willChange != null) {
            PubStatus future = PubStatus.parse(Dom.attr(Dom.child(willChange, "FutureStatus"), "FormalName"));
            if (future == PubStatus.USABLE) {
                d.embargoedUntil = Fields.date(d, "StatusWillChange/DateAndTime", Dom.childText(willChange, "DateAndTime"));
            }
        }
        for (Element instruction : Dom.children(management, "Instruction")) {
            d.revision = Revisions.strongest(d.revision, Revisions.fromSignal(Dom.attr(instruction, "FormalName")));
        }
        if (isLaterRevision(revisionId)) {
            d.revision = Revisions.strongest(d.revision, Revision.UPDATE);
        }

        Element lines = null;
        for (Element l : Dom.descendants(item, "NewsLines")) {
            if (Dom.child(l, "HeadLine") != null) {
                lines = l;
                break;
            }
        }
        if (lines != null) {
            d.headline = Dom.childText(lines, "HeadLine");
            d.slugline = Dom.childText(lines, "SlugLine");
            d.dateline = Dom.childText(lines, "DateLine");
            d.byline = Dom.childText(lines, "ByLine");
        }
        if (d.slugline == null) {
            d.slugline = Dom.text(Dom.path(item, "Identification", "NameLabel"));
        }
        String language = Dom.attr(Dom.first(item, "Language"), "FormalName");
        d.language = language != null ? language : Dom.language(lines != null ? lines : item);
        for (Element code : Dom.descendants(item, "SubjectCode")) {
            for (Element s : Dom.children(code)) {
                String formal = Dom.attr(s, "FormalName");
                if (formal != null) {
                    Fields.subject(d, "subj:" + formal, null);
                }
            }
        }
        for (Element location : Dom.descendants(item, "Location")) {
            for (Element p : Dom.children(location, "Property")) {
                if ("City".equalsIgnoreCase(Dom.attr(p, "FormalName")) && d.located == null) {
                    d.located = Dom.attr(p, "Value");
                }
            }
        }
        readContent(item, d);

        d.revision = Revisions.strongest(d.revision, Revisions.fromHeadline(d.headline));
        if (d.pubStatus == PubStatus.CANCELED || d.revision == Revision.KILL) {
            d.pubStatus = PubStatus.CANCELED;
            d.revision = Revision.KILL;
        }
        if (d.paragraphs.isEmpty() && d.headline == null && d.revision != Revision.KILL && !PubStatus.isNotice(d.pubStatus)) {
            throw new ParseException(FORMAT + ": " + where + (d.guid == null ? "" : " '" + d.guid + "'")
                    + " has neither a HeadLine nor text content (no NITF or text DataContent)");
        }
        return d;
    }

    /** A revision after the first: RevisionId above 1, a previous revision named, or Update A/U. */
    private static boolean isLaterRevision(Element revisionId) {
        if (revisionId == null) {
            return false;
        }
        String rev = Dom.text(revisionId);
        String previous = Dom.attr(revisionId, "PreviousRevision");
        String update = Dom.attr(revisionId, "Update");
        return rev != null && rev.matches("\\d{1,9}") && Integer.parseInt(rev) > 1
                || previous != null && previous.matches("\\d{1,9}") && Integer.parseInt(previous) > 0
                || update != null && !update.equalsIgnoreCase("N");
    }

    /** The first DataContent that holds NITF, else the first with text. */
    private static void readContent(Element item, StoryDraft d) {
        List<Element> contents = Dom.descendants(item, "DataContent");
        for (Element content : contents) {
            Element nitf = Dom.first(content, "nitf");
            if (nitf != null) {
                NitfParser.readBody(nitf, d);
                return;
            }
        }
        for (Element content : contents) {
            Element contentItem = (Element) content.getParentNode();
            String media = String.valueOf(Dom.attr(Dom.child(contentItem, "MediaType"), "FormalName")).toLowerCase(Locale.ROOT);
            String mime = String.valueOf(Dom.attr(Dom.child(contentItem, "MimeType"), "FormalName")).toLowerCase(Locale.ROOT);
            if (media.equals("text") || mime.startsWith("text/")) {
                List<String> paragraphs = Dom.children(content).isEmpty()
                        ? (mime.contains("html") ? new ArrayList<>(BodyText.ofHtml(content.getTextContent()).paragraphs())
                        : BodyText.ofPlain(content.getTextContent()))
                        : new ArrayList<>(BodyText.of(content).paragraphs());
                BodyText.moveEditorialLines(paragraphs, d.editorNotes);
                d.paragraphs.addAll(paragraphs);
                return;
            }
        }
    }

    private static String firstNonNull(String... values) {
        for (String v : values) {
            if (v != null) {
                return v;
            }
        }
        return null;
    }
}
