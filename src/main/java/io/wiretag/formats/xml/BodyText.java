package io.wiretag.formats.xml;

import io.wiretag.story.Text;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;
import org.jsoup.Jsoup;
import org.jsoup.helper.W3CDom;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.Node;

/**
 * Turns a body's markup (NITF {@code body.content}, XHTML, an HTML string from a feed) into plain
 * paragraphs: one per block element, markup and media removed, tables one row per paragraph, and notes
 * not for publication set aside for {@code editorNotes}.
 */
public final class BodyText {
    private static final Set<String> SKIP = Set.of("script", "style", "head", "title", "media", "media-reference",
            "media-caption", "media-producer", "media-metadata", "header", "nav", "figure", "figcaption", "img",
            "iframe", "object", "embed", "noscript", "video", "audio", "svg", "form", "button", "hedline", "body.head");
    private static final Set<String> BLOCK = Set.of("p", "div", "h1", "h2", "h3", "h4", "h5", "h6", "hl1", "hl2",
            "li", "dt", "dd", "blockquote", "bq", "pre", "tr", "table", "thead", "tbody", "ul", "ol", "dl", "section",
            "article", "block", "body", "body.content", "body.end", "tagline", "caption", "address", "br", "hr",
            "main", "aside", "fn");
    private static final Set<String> CELL = Set.of("td", "th");
    /** NITF notes and HTML elements marked as notes are for editors, not readers. */
    private static final Set<String> NOTE = Set.of("note", "ed-msg");
    private static final Pattern BLANK_LINE = Pattern.compile("\\r?\\n[ \\t\\u00A0]*\\r?\\n");
    /** AFP-style closing line of editors' initials: {@code hh/ph/ts/hd}, {@code pa-ns/sw}. */
    private static final Pattern CLOSING_INITIALS = Pattern.compile("[a-z]{1,5}(?:-[a-z]{1,5})?(?:/[a-z0-9-]{1,6}){1,8}");
    private static final Pattern BYLINE = Pattern.compile("^(?:By|BY|by)\\s+\\p{Lu}[\\p{L}.'’ -]{1,60}(?:,\\s*[^.]{1,60})?$");
    private static final Pattern EDS = Pattern.compile("^(?:Eds|Editors?)\\s*:\\s*.*", Pattern.CASE_INSENSITIVE);

    private BodyText() {
    }

    /** Paragraphs of the body and the notes found in it. */
    public record Result(List<String> paragraphs, List<String> notes) {
    }

    /** Reads an element's content as paragraphs. */
    public static Result of(Element root) {
        Walker w = new Walker();
        if (root != null) {
            w.walk(root, 0);
            w.flush();
        }
        return new Result(w.paragraphs, w.notes);
    }

    /**
     * One converter per thread: {@code W3CDom.convert} looks up a DOM factory through the service loader on
     * every call, which costs more than the conversion of a feed item's HTML.
     */
    private static final ThreadLocal<W3CDom> W3C = ThreadLocal.withInitial(W3CDom::new);

    /** Reads an HTML string (a feed's description, escaped HTML) through jsoup's HTML parser. */
    public static Result ofHtml(String html) {
        if (html == null || html.isBlank()) {
            return new Result(new ArrayList<>(), new ArrayList<>());
        }
        if (!html.contains("<")) {
            return new Result(ofPlain(Jsoup.parseBodyFragment(html).body().wholeText()), new ArrayList<>());
        }
        Document dom = W3C.get().fromJsoup(Jsoup.parseBodyFragment(html));
        Element body = Dom.first(dom.getDocumentElement(), "body");
        return of(body != null ? body : dom.getDocumentElement());
    }

    /** Plain text: paragraphs at blank lines; with no blank line at all, one paragraph per line. */
    public static List<String> ofPlain(String text) {
        List<String> out = new ArrayList<>();
        if (text == null) {
            return out;
        }
        String t = text.strip();
        String[] parts = BLANK_LINE.matcher(t).find() ? BLANK_LINE.split(t) : t.split("\\r?\\n");
        for (String p : parts) {
            String c = Text.cleanParagraph(p);
            if (!c.isEmpty()) {
                out.add(c);
            }
        }
        return out;
    }

    /**
     * Moves what editors wrote for editors out of the body: an {@code Eds:} paragraph at the start and a
     * closing line of initials at the end.
     */
    public static void moveEditorialLines(List<String> paragraphs, List<String> notes) {
        while (!paragraphs.isEmpty() && EDS.matcher(paragraphs.get(0)).matches()) {
            notes.add(paragraphs.remove(0));
        }
        if (!paragraphs.isEmpty() && CLOSING_INITIALS.matcher(paragraphs.get(paragraphs.size() - 1)).matches()) {
            notes.add(paragraphs.remove(paragraphs.size() - 1));
        }
    }

    /**
     * Takes a byline written as the body's first paragraph ("By Jonathan Underhill") out of the body and
     * returns it; null when the body starts with text.
     */
    public static String takeLeadingByline(List<String> paragraphs) {
        if (paragraphs.size() > 1 && BYLINE.matcher(paragraphs.get(0)).matches()) {
            return paragraphs.remove(0);
        }
        return null;
    }

    private static final class Walker {
        final List<String> paragraphs = new ArrayList<>();
        final List<String> notes = new ArrayList<>();
        final StringBuilder current = new StringBuilder();

        void walk(Node node, int depth) {
            if (depth > SafeXml.MAX_DEPTH) {
                return;
            }
            for (Node n = node.getFirstChild(); n != null; n = n.getNextSibling()) {
                switch (n.getNodeType()) {
                    case Node.TEXT_NODE, Node.CDATA_SECTION_NODE -> text(n.getNodeValue());
                    case Node.ELEMENT_NODE -> element((Element) n, depth);
                    default -> {
                        // comments and processing instructions carry nothing for readers
                    }
                }
            }
        }

        void element(Element e, int depth) {
            String name = Dom.name(e).toLowerCase(Locale.ROOT);
            if (SKIP.contains(name)) {
                return;
            }
            if (NOTE.contains(name) || hasNoteClass(e)) {
                String note = Text.cleanParagraph(e.getTextContent());
                if (note.isEmpty()) {
                    note = Text.cleanParagraph(Dom.attr(e, "info"));
                }
                if (!note.isEmpty()) {
                    notes.add(note);
                }
                return;
            }
            if (CELL.contains(name)) {
                current.append(' ');
                walk(e, depth + 1);
                current.append(' ');
                return;
            }
            boolean block = BLOCK.contains(name);
            if (block) {
                flush();
            }
            walk(e, depth + 1);
            if (block) {
                flush();
            }
        }

        void text(String s) {
            if (s == null) {
                return;
            }
            String[] parts = BLANK_LINE.split(s, -1);
            for (int i = 0; i < parts.length; i++) {
                if (i > 0) {
                    flush();
                }
                current.append(parts[i]);
            }
        }

        void flush() {
            String p = Text.cleanParagraph(current.toString());
            if (!p.isEmpty()) {
                paragraphs.add(p);
            }
            current.setLength(0);
        }

        private static boolean hasNoteClass(Element e) {
            String cls = Dom.attr(e, "class");
            return cls != null && (cls.contains("notepad") || cls.contains("editorsnote") || cls.contains("ednote"));
        }
    }
}
