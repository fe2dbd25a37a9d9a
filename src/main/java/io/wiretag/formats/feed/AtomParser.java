package io.wiretag.formats.feed;

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
import io.wiretag.formats.xml.XmlRoot;
import io.wiretag.story.Revision;
import io.wiretag.story.Story;
import io.wiretag.story.StoryDraft;
import java.util.function.Consumer;
import java.util.Locale;
import org.w3c.dom.Element;

/**
 * Atom 1.0: one story per entry, from id, updated/published, title, content (text, html or xhtml) or
 * summary, author and category. Agency extensions that carry the real text beside a placeholder
 * content (WENN's {@code ContentMetadata}) win over it.
 */
public final class AtomParser implements WireParser {
    static final String FORMAT = "atom";

    private final int maxBytes;

    public AtomParser() {
        this(FormatDetector.DEFAULT_MAX_BYTES);
    }

    /** Refuses an input over {@code maxBytes} (wiretag.max.input.bytes) before reading it. */
    public AtomParser(int maxBytes) {
        this.maxBytes = maxBytes;
    }

    @Override
    public String format() {
        return FORMAT;
    }

    @Override
    public int sniff(Sniff sniff) {
        return "feed".equals(XmlRoot.localName(sniff)) && sniff.head().contains("http://www.w3.org/2005/Atom") ? 100 : 0;
    }

    @Override
    public ParseResult parse(RawInput input) throws ParseException {
        return ParseResult.collect(sink -> stream(input, sink));
    }

    @Override
    public ParseResult.Streamed stream(RawInput input, Consumer<Story> sink) throws ParseException {
        return FeedItems.stream(FORMAT, input, maxBytes, "entry", "feed", feed -> {
            // what the feed says is read once: looking it up per entry scans every entry each time
            Feed f = new Feed(Providers.first(alternateLink(feed), input.provider()),
                    Dom.childText(Dom.child(feed, "author"), "name"));
            return (entry, where) -> read(entry, f);
        }, sink);
    }

    /** The feed's alternate link (for the provider) and author, shared by its entries. */
    private record Feed(String provider, String author) {
    }

    private static StoryDraft read(Element entry, Feed feed) {
        StoryDraft d = new StoryDraft();
        d.provider = feed.provider();
        d.guid = Dom.childText(entry, "id");
        d.headline = FeedItems.title(Dom.child(entry, "title"));
        d.versionCreated = Fields.date(d, "updated", Dom.childText(entry, "updated"));
        d.firstCreated = Fields.date(d, "published", Dom.childText(entry, "published"));
        if (d.firstCreated != null && d.versionCreated != null && d.versionCreated.isAfter(d.firstCreated)) {
            d.revision = Revision.UPDATE;
        }
        Element agencyBody = extensionBody(entry);
        if (agencyBody != null) {
            // WENN: first_line is the lead paragraph, body the rest; content holds a placeholder
            d.paragraphs.addAll(BodyText.ofPlain(Dom.text(Dom.child((Element) agencyBody.getParentNode(), "first_line"))));
            d.paragraphs.addAll(BodyText.ofPlain(agencyBody.getTextContent()));
        } else {
            Element content = Dom.child(entry, "content");
            content(content != null && Dom.attr(content, "src") == null ? content : Dom.child(entry, "summary"), d);
        }
        Element author = Dom.child(entry, "author");
        d.byline = author != null ? Dom.childText(author, "name") : feed.author();
        for (Element category : Dom.children(entry, "category")) {
            String term = Dom.attr(category, "term");
            String scheme = Dom.attr(category, "scheme");
            Fields.subject(d, scheme == null || term == null ? null : scheme + ":" + term,
                    Dom.attr(category, "label") != null ? Dom.attr(category, "label") : term);
        }
        d.language = Dom.language(entry);
        return d;
    }

    private static void content(Element content, StoryDraft d) {
        if (content == null) {
            return;
        }
        String type = String.valueOf(Dom.attr(content, "type")).toLowerCase(Locale.ROOT);
        if (type.equals("xhtml")) {
            BodyText.Result r = BodyText.of(content);
            d.paragraphs.addAll(r.paragraphs());
            d.editorNotes.addAll(r.notes());
        } else if (type.contains("html")) {
            FeedItems.htmlBody(content, d);
        } else {
            d.paragraphs.addAll(BodyText.ofPlain(content.getTextContent()));
        }
    }

    /** A namespaced {@code body} element an agency put beside Atom's content, or null. */
    private static Element extensionBody(Element entry) {
        for (Element e : Dom.descendants(entry, "body")) {
            String ns = e.getNamespaceURI();
            if (ns != null && !ns.equals("http://www.w3.org/2005/Atom") && !ns.equals("http://www.w3.org/1999/xhtml")
                    && Dom.text(e) != null) {
                return e;
            }
        }
        return null;
    }

    private static String alternateLink(Element feed) {
        for (Element link : Dom.children(feed, "link")) {
            String rel = Dom.attr(link, "rel");
            if (rel == null || rel.equals("alternate")) {
                return Dom.attr(link, "href");
            }
        }
        return null;
    }
}
