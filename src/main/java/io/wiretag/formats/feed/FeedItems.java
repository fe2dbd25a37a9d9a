package io.wiretag.formats.feed;

import io.wiretag.formats.Items;
import io.wiretag.formats.ParseException;
import io.wiretag.formats.ParseResult;
import io.wiretag.formats.RawInput;
import io.wiretag.formats.xml.BodyText;
import io.wiretag.formats.xml.Dom;
import io.wiretag.formats.xml.SafeXml;
import io.wiretag.story.Story;
import io.wiretag.story.StoryDraft;
import io.wiretag.story.Text;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;
import org.jsoup.Jsoup;
import org.w3c.dom.Element;

/** What RSS and Atom share: one story per item, failures per item, lenient reading, HTML to text. */
final class FeedItems {
    private FeedItems() {
    }

    /** Reads one item into a draft, or throws with the reason this item is no story. */
    interface ItemReader {
        StoryDraft read(Element item, String where) throws ParseException;
    }

    /** Makes the item reader from the document's root, so what the container says is read once, not per item. */
    interface ReaderFactory {
        ItemReader forRoot(Element root);
    }

    /**
     * Reads the feed item by item, handing each story to {@code sink} as it is read: a well-formed feed
     * without a DOCTYPE is streamed ({@link FeedStream}, one item's tree in memory at a time), any other is
     * read whole, leniently. A bad item is a failure and the others go on; when no item is a story, throws
     * (and nothing was handed on).
     */
    static ParseResult.Streamed stream(String format, RawInput input, int maxBytes, String itemName, String containerName,
            ReaderFactory readers, Consumer<Story> sink) throws ParseException {
        SafeXml.Text text = SafeXml.decode(input.bytes());
        StoryDraft.Delivery delivery = input.delivery(format, text.declaredCharset(), text.detectedCharset());
        String streamable = SafeXml.forStreaming(format, text.xml(), maxBytes);
        if (streamable != null) {
            FeedStream feed = new FeedStream(streamable, itemName);
            try {
                FeedStream.Outline outline = feed.outline();
                if (outline.items() == 0) {
                    throw new ParseException(format + ": the " + containerName + " has no <" + itemName + ">: no story in it");
                }
                ItemReader reader = readers.forRoot(outline.root());
                Items.Collector out = collector(format, sink);
                feed.items((item, i) -> out.read(() -> story(format, reader, item, itemName + " " + (i + 1) + " of " + outline.items(),
                        null, delivery), i));
                return out.result();
            } catch (FeedStream.NotStreamable e) {
                // read whole below: the lenient reader recovers what a strict stream cannot
            }
        }
        SafeXml.Parsed parsed = SafeXml.parseLenient(format, text.xml(), maxBytes);
        Element root = parsed.document().getDocumentElement();
        List<Element> items = Dom.descendants(root, itemName);
        if (items.isEmpty()) {
            throw new ParseException(format + ": the " + containerName + " has no <" + itemName + ">: no story in it"
                    + (parsed.leniencyWarning() == null ? "" : "; and it is " + parsed.leniencyWarning()));
        }
        ItemReader reader = readers.forRoot(root);
        Items.Collector out = collector(format, sink);
        for (int i = 0; i < items.size(); i++) {
            Element item = items.get(i);
            String where = itemName + " " + (i + 1) + " of " + items.size();
            out.read(() -> story(format, reader, item, where, parsed.leniencyWarning(), delivery), i);
        }
        return out.result();
    }

    private static Items.Collector collector(String format, Consumer<Story> sink) {
        return new Items.Collector(sink, failures -> format + ": none of the " + failures.size() + " items is a story: "
                + failures.stream().map(ParseResult.ItemFailure::reason).toList());
    }

    private static Story story(String format, ItemReader reader, Element item, String where, String leniencyWarning,
            StoryDraft.Delivery delivery) throws ParseException {
        StoryDraft d = reader.read(item, where);
        if (d.headline == null && d.paragraphs.isEmpty()) {
            String link = link(item);
            throw new ParseException(format + ": " + where + " has neither a title nor text"
                    + (link == null ? "" : " (only the link " + link + ")") + ": nothing to publish");
        }
        if (leniencyWarning != null) {
            d.warnings.add(leniencyWarning);
        }
        return d.build(delivery);
    }

    /** A title as text: feeds put escaped HTML in titles too. */
    static String title(Element e) {
        if (e == null) {
            return null;
        }
        String raw = e.getTextContent();
        String t = raw.indexOf('<') >= 0 || raw.indexOf('&') >= 0 ? Jsoup.parse(raw).text() : raw;
        t = Text.cleanParagraph(t);
        return t.isEmpty() ? null : t;
    }

    /** An HTML body (escaped in the element's text, or as child elements) as paragraphs. */
    static void htmlBody(Element e, StoryDraft d) {
        if (e == null) {
            return;
        }
        BodyText.Result r = Dom.children(e).isEmpty() ? BodyText.ofHtml(e.getTextContent()) : BodyText.of(e);
        List<String> paragraphs = new ArrayList<>(r.paragraphs());
        d.editorNotes.addAll(r.notes());
        BodyText.moveEditorialLines(paragraphs, d.editorNotes);
        d.paragraphs.addAll(paragraphs);
    }

    private static String link(Element item) {
        Element link = Dom.child(item, "link");
        if (link == null) {
            return null;
        }
        String href = Dom.attr(link, "href");
        return href != null ? href : Dom.text(link);
    }
}
