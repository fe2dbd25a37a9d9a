package io.wiretag.ingest;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.jsoup.nodes.Entities;
import org.jsoup.parser.Parser;

/**
 * Splits an RSS (2.0 or 1.0/RDF) or Atom feed into one self-contained feed document per entry: the
 * root and channel as they were, holding just that entry, so the feed parsers read each on its own.
 * Reads leniently (jsoup's XML parser copes with broken feeds and never fetches a DTD or an entity).
 */
public final class FeedSplitter {
    private FeedSplitter() {
    }

    /** The input is not a feed, or not XML at all. */
    public static final class NotAFeedException extends IOException {
        private static final long serialVersionUID = 1L;

        NotAFeedException(String message) {
            super(message);
        }
    }

    /**
     * One entry: its id (guid, id, rdf:about, or link; a hash of its content when it has none), a hash of
     * its content (which changes when the entry is updated), and the feed document holding only it.
     */
    public record Entry(String id, String contentHash, byte[] document) {
    }

    /** The entries, in feed order, and the format of the feed ({@code rss} or {@code atom}). */
    public record Split(String format, List<Entry> entries) {
    }

    public static Split split(byte[] feed) throws NotAFeedException {
        Document doc;
        try {
            // charset from the BOM or the XML declaration, as jsoup reads it for XML
            doc = Jsoup.parse(new ByteArrayInputStream(feed), null, "", Parser.xmlParser());
        } catch (IOException e) {
            throw new NotAFeedException("not a feed: cannot read it as XML: " + e.getMessage());
        }
        doc.outputSettings().syntax(Document.OutputSettings.Syntax.xml).prettyPrint(false)
                .charset(StandardCharsets.UTF_8).escapeMode(Entities.EscapeMode.xhtml);
        Element root = doc.children().first();
        if (root == null) {
            throw new NotAFeedException("not a feed: no XML element in it (starts with " + head(feed) + ")");
        }
        String kind = local(root).toLowerCase(Locale.ROOT);
        String format;
        String entryTag;
        switch (kind) {
            case "rss", "rdf" -> {
                format = "rss";
                entryTag = "item";
            }
            case "feed" -> {
                format = "atom";
                entryTag = "entry";
            }
            default -> throw new NotAFeedException("not a feed: the document is <" + root.tagName() + ">, not <rss>, <rdf:RDF> or <feed>");
        }
        List<Element> items = new ArrayList<>();
        for (Element e : root.getAllElements()) {
            if (e != root && local(e).equals(entryTag) && !hasAncestor(e, entryTag, root)) {
                items.add(e);
            }
        }
        // Take every entry out, then put each back alone where the first one stood.
        List<Element> parents = new ArrayList<>();
        List<Integer> slots = new ArrayList<>();
        for (Element item : items) {
            parents.add(item.parent());
            slots.add(item.siblingIndex());
        }
        Element firstParent = items.isEmpty() ? null : parents.get(0);
        int firstSlot = items.isEmpty() ? 0 : slots.get(0);
        items.forEach(Element::remove);
        List<Entry> entries = new ArrayList<>();
        for (Element item : items) {
            String itemXml = item.outerHtml();
            firstParent.insertChildren(Math.min(firstSlot, firstParent.childNodeSize()), item);
            String document = "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n" + root.outerHtml() + "\n";
            item.remove();
            String hash = sha256(itemXml);
            entries.add(new Entry(id(item, format, hash), hash, document.getBytes(StandardCharsets.UTF_8)));
        }
        return new Split(format, entries);
    }

    private static String id(Element item, String format, String hash) {
        String id = format.equals("atom") ? childText(item, "id") : childText(item, "guid");
        if (id == null && !item.attr("rdf:about").isBlank()) {
            id = item.attr("rdf:about").strip();
        }
        if (id == null) {
            Element link = child(item, "link");
            if (link != null) {
                id = !link.attr("href").isBlank() ? link.attr("href").strip() : blankToNull(link.text());
            }
        }
        // no id at all: the content is the identity, so an edited entry counts as a new one
        return id != null ? id : "sha256:" + hash;
    }

    private static Element child(Element parent, String localName) {
        for (Element c : parent.children()) {
            if (local(c).equals(localName)) {
                return c;
            }
        }
        return null;
    }

    private static String childText(Element parent, String localName) {
        Element c = child(parent, localName);
        return c == null ? null : blankToNull(c.text());
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s.strip();
    }

    private static boolean hasAncestor(Element e, String localName, Element stop) {
        for (Element p = e.parent(); p != null && p != stop; p = p.parent()) {
            if (local(p).equals(localName)) {
                return true;
            }
        }
        return false;
    }

    private static String local(Element e) {
        String name = e.tagName();
        int colon = name.indexOf(':');
        return colon >= 0 ? name.substring(colon + 1) : name;
    }

    private static String head(byte[] bytes) {
        String s = new String(bytes, 0, Math.min(bytes.length, 30), StandardCharsets.UTF_8).replaceAll("\\p{Cntrl}", " ").strip();
        return "\"" + s + (bytes.length > 30 ? "...\"" : "\"");
    }

    static String sha256(String s) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(s.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JDK has SHA-256", e);
        }
    }
}
