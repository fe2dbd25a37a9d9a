package io.wiretag.formats.nitf;

import io.wiretag.formats.FormatDetector;
import io.wiretag.formats.ParseException;
import io.wiretag.formats.ParseResult;
import io.wiretag.formats.RawInput;
import io.wiretag.formats.Sniff;
import io.wiretag.formats.WireParser;
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
import org.w3c.dom.Element;

/**
 * NITF 3.x documents, with or without the IPTC namespace: docdata management status (usable, embargoed,
 * canceled, and the cancellation of another document by {@code management-doc-idref}), release date as
 * embargo, editors' messages, and the body as plain paragraphs. Also reads the NITF bodies that NewsML
 * envelopes carry inline.
 */
public final class NitfParser implements WireParser {
    static final String FORMAT = "nitf";

    private final int maxBytes;

    public NitfParser() {
        this(FormatDetector.DEFAULT_MAX_BYTES);
    }

    /** Refuses an input over {@code maxBytes} (wiretag.max.input.bytes) before reading it. */
    public NitfParser(int maxBytes) {
        this.maxBytes = maxBytes;
    }

    @Override
    public String format() {
        return FORMAT;
    }

    @Override
    public int sniff(Sniff sniff) {
        return "nitf".equals(XmlRoot.localName(sniff)) ? 100 : 0;
    }

    @Override
    public ParseResult parse(RawInput input) throws ParseException {
        SafeXml.Text text = SafeXml.decode(input.bytes());
        Element root = SafeXml.parseStrictRoot(FORMAT, text, "nitf", maxBytes);
        StoryDraft draft = new StoryDraft();
        readHead(root, draft);
        readBody(root, draft);
        draft.language = Dom.language(root);
        draft.revision = Revisions.strongest(draft.revision, Revisions.fromHeadline(draft.headline));
        if (draft.paragraphs.isEmpty() && draft.headline == null && draft.revision != Revision.KILL
                && !PubStatus.isNotice(draft.pubStatus)) {
            throw new ParseException(FORMAT + ": neither a headline (body.head/hedline/hl1, head/title) nor body text (body.content)");
        }
        draft.provider = draft.provider != null ? draft.provider : Providers.normalize(input.provider());
        return ParseResult.of(draft.build(input.delivery(FORMAT, text.declaredCharset(), text.detectedCharset())));
    }

    /** Reads {@code head}: ids, status, dates, urgency, subjects, editors' messages. */
    static void readHead(Element nitf, StoryDraft d) {
        Element head = Dom.child(nitf, "head");
        Element docdata = Dom.child(head, "docdata");
        Element docId = Dom.child(docdata, "doc-id");
        d.guid = Dom.attr(docId, "id-string");
        d.provider = Providers.first(Dom.attr(docId, "regsrc"), sourceOfLevel1(docdata));
        String status = Dom.attr(docdata, "management-status");
        d.pubStatus = PubStatus.parse(status);
        if (status != null && d.pubStatus == null) {
            d.warnings.add("management-status '" + status + "' is unknown; read as usable");
        }
        String idref = Dom.attr(docdata, "management-doc-idref");
        if (idref != null) {
            PubStatus idrefStatus = PubStatus.parse(Dom.attr(docdata, "management-idref-status"));
            boolean cancels = idrefStatus == PubStatus.CANCELED
                    || idrefStatus == null && d.pubStatus == PubStatus.CANCELED;
            if (cancels) {
                // The story is the kill of the referenced document: its id must be that document's, so the
                // pipeline retracts the story it already routed.
                d.editorNotes.add("Cancels document " + idref + (d.guid == null ? "" : " (this notice is " + d.guid + ")"));
                d.guid = idref;
                d.pubStatus = PubStatus.CANCELED;
                d.revision = Revision.KILL;
            } else if (idrefStatus == PubStatus.WITHHELD || idrefStatus == null && d.pubStatus == PubStatus.WITHHELD) {
                // The notice withholds the referenced document: it carries that document's id, as a kill does.
                d.editorNotes.add("Withholds document " + idref + (d.guid == null ? "" : " (this notice is " + d.guid + ")"));
                d.guid = idref;
                d.pubStatus = PubStatus.WITHHELD;
            } else {
                d.editorNotes.add("Refers to document " + idref);
            }
        }
        d.urgency = Fields.urgency(d, Dom.attr(Dom.child(docdata, "urgency"), "ed-urg"));
        d.versionCreated = Fields.date(d, "date.issue", Dom.attr(Dom.child(docdata, "date.issue"), "norm"));
        d.embargoedUntil = Fields.date(d, "date.release", Dom.attr(Dom.child(docdata, "date.release"), "norm"));
        for (Element msg : Dom.children(docdata, "ed-msg")) {
            String info = Dom.attr(msg, "info");
            if (info != null) {
                d.editorNotes.add(info);
            }
        }
        Element duKey = Dom.child(docdata, "du-key");
        d.slugline = Dom.attr(duKey, "key");
        d.version = Dom.attr(duKey, "version");
        String generation = Dom.attr(duKey, "generation");
        if (generation != null && generation.matches("\\d+") && Integer.parseInt(generation) > 1) {
            d.revision = Revisions.strongest(d.revision, Revision.UPDATE);
        }
        Element evloc = Dom.child(docdata, "evloc");
        if (evloc != null) {
            List<String> parts = new ArrayList<>();
            for (String a : List.of("city", "county-dist", "state-prov", "iso-cc")) {
                String v = Dom.attr(evloc, a);
                if (v != null) {
                    parts.add(v);
                }
            }
            d.located = parts.isEmpty() ? null : String.join(", ", parts);
        }
        for (Element subject : Dom.descendants(Dom.child(head, "tobject"), "tobject.subject")) {
            String refnum = Dom.attr(subject, "tobject.subject.refnum");
            String name = firstNonNull(Dom.attr(subject, "tobject.subject.detail"),
                    Dom.attr(subject, "tobject.subject.matter"), Dom.attr(subject, "tobject.subject.type"));
            Fields.subject(d, refnum == null ? null : "subj:" + refnum, name);
        }
    }

    /**
     * Reads {@code body}: headline, byline and dateline where the draft has none yet, notes into editorNotes,
     * and {@code body.content} plus {@code body.end} as paragraphs. Used for NITF inside NewsML too.
     */
    public static void readBody(Element nitf, StoryDraft d) {
        Element body = Dom.child(nitf, "body");
        Element bodyHead = Dom.child(body, "body.head");
        if (d.headline == null) {
            d.headline = Dom.text(Dom.first(bodyHead, "hl1"));
        }
        if (d.headline == null) {
            d.headline = Dom.text(Dom.path(nitf, "head", "title"));
        }
        if (d.byline == null) {
            d.byline = Dom.text(Dom.child(bodyHead, "byline"));
        }
        if (d.dateline == null) {
            d.dateline = Dom.text(Dom.child(bodyHead, "dateline"));
        }
        for (Element note : Dom.children(bodyHead, "note")) {
            String n = Dom.text(note);
            if (n != null) {
                d.editorNotes.add(n);
            }
        }
        List<String> paragraphs = new ArrayList<>();
        List<String> notes = new ArrayList<>();
        for (String part : List.of("body.content", "body.end")) {
            BodyText.Result r = BodyText.of(Dom.child(body, part));
            paragraphs.addAll(r.paragraphs());
            notes.addAll(r.notes());
        }
        BodyText.moveEditorialLines(paragraphs, notes);
        String leadByline = BodyText.takeLeadingByline(paragraphs);
        if (leadByline != null) {
            // the byline the desk typed into the text is more specific than a generic body.head byline
            d.byline = leadByline;
        }
        d.paragraphs.addAll(paragraphs);
        d.editorNotes.addAll(notes);
    }

    private static String sourceOfLevel1(Element docdata) {
        for (Element src : Dom.descendants(docdata, "from-src")) {
            String level = Dom.attr(src, "level-number");
            if (level == null || level.equals("1")) {
                return Dom.attr(src, "src-name");
            }
        }
        return null;
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
