package io.wiretag.formats.feed;

import io.wiretag.formats.FormatDetector;
import io.wiretag.formats.ParseException;
import io.wiretag.formats.ParseResult;
import io.wiretag.formats.RawInput;
import io.wiretag.formats.Sniff;
import io.wiretag.formats.WireParser;
import io.wiretag.formats.xml.Dom;
import io.wiretag.formats.xml.Fields;
import io.wiretag.formats.xml.Providers;
import io.wiretag.formats.xml.XmlRoot;
import io.wiretag.story.Story;
import io.wiretag.story.StoryDraft;
import java.util.function.Consumer;
import org.w3c.dom.Element;

/**
 * RSS 2.0 (and the RDF-based RSS 1.0): one story per item, from guid (or link), pubDate, title,
 * description or content:encoded as HTML, author and category. A feed that is not well-formed is read
 * leniently when its items survive.
 */
public final class RssParser implements WireParser {
    static final String FORMAT = "rss";

    private final int maxBytes;

    public RssParser() {
        this(FormatDetector.DEFAULT_MAX_BYTES);
    }

    /** Refuses an input over {@code maxBytes} (wiretag.max.input.bytes) before reading it. */
    public RssParser(int maxBytes) {
        this.maxBytes = maxBytes;
    }

    @Override
    public String format() {
        return FORMAT;
    }

    @Override
    public int sniff(Sniff sniff) {
        String root = XmlRoot.localName(sniff);
        return "rss".equals(root) || "RDF".equals(root) && sniff.head().contains("purl.org/rss") ? 100 : 0;
    }

    @Override
    public ParseResult parse(RawInput input) throws ParseException {
        return ParseResult.collect(sink -> stream(input, sink));
    }

    @Override
    public ParseResult.Streamed stream(RawInput input, Consumer<Story> sink) throws ParseException {
        return FeedItems.stream(FORMAT, input, maxBytes, "item", "channel", root -> {
            // what the channel says is read once: looking it up per item scans every item each time
            Element channel = Dom.child(root, "channel");
            Channel c = new Channel(Providers.first(Dom.childText(channel, "link"), input.provider()),
                    Dom.childText(channel, "language"));
            return (item, where) -> read(item, c);
        }, sink);
    }

    /** The channel's link (for the provider) and language, shared by its items. */
    private record Channel(String provider, String language) {
    }

    private static StoryDraft read(Element item, Channel channel) {
        StoryDraft d = new StoryDraft();
        d.provider = channel.provider();
        d.guid = Dom.childText(item, "guid");
        if (d.guid == null) {
            d.guid = Dom.childText(item, "link");
        }
        d.headline = FeedItems.title(Dom.child(item, "title"));
        Element encoded = Dom.child(item, "encoded");
        FeedItems.htmlBody(encoded != null && Dom.text(encoded) != null ? encoded : Dom.child(item, "description"), d);
        String date = Dom.childText(item, "pubDate");
        d.versionCreated = Fields.date(d, "pubDate", date != null ? date : Dom.childText(item, "date"));
        String author = Dom.childText(item, "author");
        d.byline = author != null ? author : Dom.childText(item, "creator");
        for (Element category : Dom.children(item, "category")) {
            // a category is a label, not a code from a scheme: the name carries it
            Fields.subject(d, Dom.attr(category, "domain") == null ? null : Dom.attr(category, "domain") + ":" + Dom.text(category),
                    Dom.text(category));
        }
        d.language = channel.language() != null ? channel.language() : Dom.language(item);
        return d;
    }
}
