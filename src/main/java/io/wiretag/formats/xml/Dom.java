package io.wiretag.formats.xml;

import java.util.ArrayList;
import java.util.List;
import org.w3c.dom.Attr;
import org.w3c.dom.Element;
import org.w3c.dom.NamedNodeMap;
import org.w3c.dom.Node;

/**
 * Small DOM navigation by local name. Wires spell the same element with any prefix or none
 * ({@code ns0:newsItem}, {@code newsItem}), and some drop the namespace altogether, so the formats match
 * on local names and never on namespace URIs.
 */
public final class Dom {
    private Dom() {
    }

    /** The element's local name, without prefix, whatever way the document was parsed. */
    public static String name(Node n) {
        String local = n.getLocalName();
        String name = local != null ? local : n.getNodeName();
        int colon = name.indexOf(':');
        return colon >= 0 ? name.substring(colon + 1) : name;
    }

    public static List<Element> children(Element parent) {
        List<Element> out = new ArrayList<>();
        if (parent == null) {
            return out;
        }
        for (Node n = parent.getFirstChild(); n != null; n = n.getNextSibling()) {
            if (n instanceof Element e) {
                out.add(e);
            }
        }
        return out;
    }

    public static List<Element> children(Element parent, String localName) {
        List<Element> out = new ArrayList<>();
        for (Element e : children(parent)) {
            if (name(e).equalsIgnoreCase(localName)) {
                out.add(e);
            }
        }
        return out;
    }

    public static Element child(Element parent, String localName) {
        if (parent == null) {
            return null;
        }
        for (Node n = parent.getFirstChild(); n != null; n = n.getNextSibling()) {
            if (n instanceof Element e && name(e).equalsIgnoreCase(localName)) {
                return e;
            }
        }
        return null;
    }

    /** Follows a path of child names: {@code path(item, "itemMeta", "pubStatus")}. */
    public static Element path(Element from, String... names) {
        Element at = from;
        for (String n : names) {
            at = child(at, n);
            if (at == null) {
                return null;
            }
        }
        return at;
    }

    /** All descendants with this local name, in document order, down to {@link SafeXml#MAX_DEPTH}. */
    public static List<Element> descendants(Element root, String localName) {
        List<Element> out = new ArrayList<>();
        collect(root, localName, out, 0);
        return out;
    }

    private static void collect(Element at, String localName, List<Element> out, int depth) {
        if (at == null || depth > SafeXml.MAX_DEPTH) {
            return;
        }
        for (Element c : children(at)) {
            if (name(c).equalsIgnoreCase(localName)) {
                out.add(c);
            }
            collect(c, localName, out, depth + 1);
        }
    }

    public static Element first(Element root, String localName) {
        List<Element> all = descendants(root, localName);
        return all.isEmpty() ? null : all.get(0);
    }

    /**
     * The element's text, white space folded, or null when there is no element or no text. Child
     * elements count as word breaks ({@code <byline>By<person>A. Writer</person></byline>} reads
     * "By A. Writer"), except the inline ones of HTML, which run on inside a word.
     */
    public static String text(Element e) {
        if (e == null) {
            return null;
        }
        StringBuilder out = new StringBuilder();
        appendText(e, out, 0);
        // the word breaks put in at element boundaries must not detach punctuation: "Newport News, VA"
        String folded = io.wiretag.story.Text.cleanParagraph(out.toString())
                .replaceAll(" ([,;:.!?)\\]])", "$1").replaceAll("([(\\[]) ", "$1");
        return folded.isEmpty() ? null : folded;
    }

    private static final java.util.Set<String> INLINE = java.util.Set.of("b", "i", "em", "strong", "span", "a",
            "u", "sup", "sub", "small", "big", "q", "abbr", "code", "mark", "s", "tt");

    private static void appendText(Node at, StringBuilder out, int depth) {
        if (depth > SafeXml.MAX_DEPTH) {
            return;
        }
        for (Node n = at.getFirstChild(); n != null; n = n.getNextSibling()) {
            if (n.getNodeType() == Node.TEXT_NODE || n.getNodeType() == Node.CDATA_SECTION_NODE) {
                out.append(n.getNodeValue());
            } else if (n instanceof Element child) {
                boolean inline = INLINE.contains(name(child).toLowerCase(java.util.Locale.ROOT));
                if (!inline) {
                    out.append(' ');
                }
                appendText(child, out, depth + 1);
                if (!inline) {
                    out.append(' ');
                }
            }
        }
    }

    /** The text of the first child with this name. */
    public static String childText(Element parent, String localName) {
        return text(child(parent, localName));
    }

    /** An attribute by local name (prefix ignored), blank as null. */
    public static String attr(Element e, String localName) {
        if (e == null) {
            return null;
        }
        NamedNodeMap attrs = e.getAttributes();
        for (int i = 0; i < attrs.getLength(); i++) {
            Attr a = (Attr) attrs.item(i);
            if (name(a).equalsIgnoreCase(localName) && !a.getName().startsWith("xmlns")) {
                String v = a.getValue();
                return v == null || v.isBlank() ? null : v.strip();
            }
        }
        return null;
    }

    /** An attribute by its full written name ({@code xml:lang}), blank as null. */
    public static String rawAttr(Element e, String qualifiedName) {
        if (e == null || !e.hasAttribute(qualifiedName)) {
            return null;
        }
        String v = e.getAttribute(qualifiedName);
        return v.isBlank() ? null : v.strip();
    }

    /** The language an element declares, {@code xml:lang} or a bare {@code lang}, looking up its ancestors. */
    public static String language(Element e) {
        for (Node n = e; n instanceof Element el; n = n.getParentNode()) {
            String lang = el.getAttributeNS("http://www.w3.org/XML/1998/namespace", "lang");
            if (lang == null || lang.isBlank()) {
                lang = rawAttr(el, "xml:lang");
            }
            if (lang == null || lang.isBlank()) {
                lang = rawAttr(el, "lang");
            }
            if (lang != null && !lang.isBlank()) {
                return lang.strip();
            }
        }
        return null;
    }
}
