package io.wiretag.formats.feed;

import io.wiretag.formats.xml.SafeXml;
import java.io.StringReader;
import java.util.ArrayDeque;
import java.util.Deque;
import javax.xml.parsers.DocumentBuilderFactory;
import javax.xml.parsers.ParserConfigurationException;
import javax.xml.stream.XMLStreamConstants;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamReader;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.Node;

/**
 * A well-formed feed read as a stream of events, so that a feed of 100,000 items never stands in memory as
 * one tree: a first pass checks it and keeps its outline (the container and what it says, without the
 * items) and counts the items; a second builds one item at a time as a small DOM tree, which the feed's
 * item readers take as they would an item of the whole document. Not for a document with a DOCTYPE, one
 * that is not well-formed or one nested deeper than {@link SafeXml#MAX_DEPTH}: those are read whole.
 */
final class FeedStream {
    private static final String XML_NS = "http://www.w3.org/XML/1998/namespace";

    /** What the first pass found: the document without its items, and how many items it holds. */
    record Outline(Element root, int items) {
    }

    /** One item at a time, in document order. */
    interface ItemSink {
        void item(Element item, int index);
    }

    /** Thrown where a document cannot be streamed and must be read whole. */
    static final class NotStreamable extends Exception {
        NotStreamable(String why, Throwable cause) {
            super(why, cause);
        }
    }

    private final String xml;
    private final String itemName;

    /** @param xml a document ready for streaming ({@link SafeXml#forStreaming}) */
    FeedStream(String xml, String itemName) {
        this.xml = xml;
        this.itemName = itemName;
    }

    /** The first pass: the document without its items (their places left empty), and their number. */
    Outline outline() throws NotStreamable {
        Document doc = newDocument();
        int items = 0;
        try {
            XMLStreamReader r = SafeXml.streamFactory().createXMLStreamReader(new StringReader(xml));
            Node at = doc;
            int depth = 0;
            while (r.hasNext()) {
                int event = r.next();
                if (event == XMLStreamConstants.START_ELEMENT) {
                    if (itemName.equals(r.getLocalName())) {
                        items++;
                        skip(r, depth);
                        continue;
                    }
                    depth = deeper(depth);
                    at = at.appendChild(element(r, doc));
                } else if (event == XMLStreamConstants.END_ELEMENT) {
                    depth--;
                    at = at.getParentNode();
                } else if (isText(event) && at != doc) {
                    at.appendChild(doc.createTextNode(r.getText()));
                }
            }
            r.close();
        } catch (XMLStreamException | RuntimeException e) {
            throw new NotStreamable("not well-formed: " + e.getMessage(), e);
        }
        if (doc.getDocumentElement() == null) {
            throw new NotStreamable("no root element", null);
        }
        return new Outline(doc.getDocumentElement(), items);
    }

    /** The second pass: each item as a tree of its own, with the language it inherits from its ancestors. */
    void items(ItemSink sink) throws NotStreamable {
        Document doc = newDocument();
        Deque<String> languages = new ArrayDeque<>();
        int index = 0;
        try {
            XMLStreamReader r = SafeXml.streamFactory().createXMLStreamReader(new StringReader(xml));
            int depth = 0;
            while (r.hasNext()) {
                int event = r.next();
                if (event == XMLStreamConstants.START_ELEMENT) {
                    if (itemName.equals(r.getLocalName())) {
                        Element item = tree(r, doc, depth);
                        if (!languages.isEmpty() && item.getAttributeNS(XML_NS, "lang").isEmpty()) {
                            item.setAttributeNS(XML_NS, "xml:lang", languages.peek());
                        }
                        doc.appendChild(item);
                        sink.item(item, index++);
                        doc.removeChild(item);
                        continue;
                    }
                    depth = deeper(depth);
                    String lang = r.getAttributeValue(XML_NS, "lang");
                    languages.push(lang != null && !lang.isBlank() ? lang : languages.isEmpty() ? "" : languages.peek());
                } else if (event == XMLStreamConstants.END_ELEMENT) {
                    depth--;
                    languages.pop();
                }
            }
            r.close();
        } catch (XMLStreamException e) {
            throw new NotStreamable("not well-formed: " + e.getMessage(), e);
        }
    }

    /** Builds the element the reader is at, and everything in it, consuming it up to its end tag. */
    private static Element tree(XMLStreamReader r, Document doc, int depth) throws XMLStreamException, NotStreamable {
        Element top = element(r, doc);
        Node at = top;
        int level = deeper(depth);
        while (at != null) {
            int event = r.next();
            if (event == XMLStreamConstants.START_ELEMENT) {
                level = deeper(level);
                at = at.appendChild(element(r, doc));
            } else if (event == XMLStreamConstants.END_ELEMENT) {
                level--;
                at = at == top ? null : at.getParentNode();
            } else if (isText(event)) {
                at.appendChild(doc.createTextNode(r.getText()));
            }
        }
        return top;
    }

    /** Skips the element the reader is at, up to its end tag. */
    private static void skip(XMLStreamReader r, int depth) throws XMLStreamException, NotStreamable {
        int level = deeper(depth);
        int open = 1;
        while (open > 0) {
            int event = r.next();
            if (event == XMLStreamConstants.START_ELEMENT) {
                open++;
                level = deeper(level);
            } else if (event == XMLStreamConstants.END_ELEMENT) {
                open--;
                level--;
            }
        }
    }

    private static int deeper(int depth) throws NotStreamable {
        if (depth + 1 > SafeXml.MAX_DEPTH) {
            throw new NotStreamable("nested deeper than " + SafeXml.MAX_DEPTH, null);
        }
        return depth + 1;
    }

    private static boolean isText(int event) {
        return event == XMLStreamConstants.CHARACTERS || event == XMLStreamConstants.CDATA || event == XMLStreamConstants.SPACE;
    }

    private static Element element(XMLStreamReader r, Document doc) {
        Element e = doc.createElementNS(emptyToNull(r.getNamespaceURI()), qualified(r.getPrefix(), r.getLocalName()));
        for (int i = 0; i < r.getAttributeCount(); i++) {
            e.setAttributeNS(emptyToNull(r.getAttributeNamespace(i)), qualified(r.getAttributePrefix(i), r.getAttributeLocalName(i)),
                    r.getAttributeValue(i));
        }
        return e;
    }

    private static String qualified(String prefix, String local) {
        return prefix == null || prefix.isEmpty() ? local : prefix + ":" + local;
    }

    private static String emptyToNull(String s) {
        return s == null || s.isEmpty() ? null : s;
    }

    private static Document newDocument() {
        try {
            DocumentBuilderFactory f = DocumentBuilderFactory.newInstance();
            f.setNamespaceAware(true);
            return f.newDocumentBuilder().newDocument();
        } catch (ParserConfigurationException e) {
            throw new IllegalStateException("no DOM implementation", e);
        }
    }
}
