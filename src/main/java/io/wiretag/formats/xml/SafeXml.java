package io.wiretag.formats.xml;

import io.wiretag.formats.Charsets;
import io.wiretag.formats.FormatDetector;
import io.wiretag.formats.ParseException;
import java.io.IOException;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.xml.XMLConstants;
import javax.xml.parsers.DocumentBuilder;
import javax.xml.parsers.DocumentBuilderFactory;
import javax.xml.parsers.ParserConfigurationException;
import org.jsoup.helper.W3CDom;
import org.jsoup.nodes.Entities;
import org.jsoup.parser.Parser;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.xml.sax.ErrorHandler;
import org.xml.sax.InputSource;
import org.xml.sax.SAXException;
import org.xml.sax.SAXParseException;

/**
 * Reads wire XML without trusting it: decodes the bytes by what they are, refuses external entities and
 * DTD fetches, bounds entity expansion, nesting depth and size, and turns every failure into a
 * {@link ParseException} that says what is wrong and where.
 */
public final class SafeXml {
    /** Entity expansions one document may use: enough for a few {@code &nbsp;}-style helpers, not for billion laughs. */
    static final int ENTITY_EXPANSION_LIMIT = 2_000;
    /** Characters all entity expansions together may produce. */
    static final int TOTAL_ENTITY_SIZE_LIMIT = 200_000;
    /** Element nesting no news document comes near; it bounds the parser and every recursive walk after it. */
    public static final int MAX_DEPTH = 256;

    private static final Pattern XML_DECL_ENCODING = Pattern.compile(
            "^\\s*<\\?xml[^>]*?encoding\\s*=\\s*[\"']([A-Za-z0-9._:-]+)[\"']");
    private static final Pattern DOCTYPE = Pattern.compile("<!DOCTYPE\\b", Pattern.CASE_INSENSITIVE);
    private static final Pattern EXTERNAL_ENTITY = Pattern.compile(
            "<!ENTITY\\s+(%\\s*)?([^\\s>]+)\\s+(SYSTEM|PUBLIC)\\s*(\"[^\"]*\"|'[^']*')?");
    private static final Pattern PARAMETER_ENTITY = Pattern.compile("<!ENTITY\\s+%\\s*([^\\s>]+)");
    private static final Pattern NAMED_REF = Pattern.compile("&([A-Za-z][A-Za-z0-9]{1,31});");

    private SafeXml() {
    }

    /** Decoded text of an XML input and the charsets behind it. */
    public record Text(String xml, String declaredCharset, String detectedCharset) {
    }

    /** A parsed document, and whether it had to be read leniently (it was not well-formed). */
    public record Parsed(Document document, String leniencyWarning) {
    }

    /** The encoding the XML declaration names, or null. Read as ASCII: every declaration is. */
    public static String declaredCharset(byte[] bytes) {
        int start = bytes.length >= 3 && (bytes[0] & 0xff) == 0xEF && (bytes[1] & 0xff) == 0xBB && (bytes[2] & 0xff) == 0xBF ? 3 : 0;
        String head = new String(bytes, start, Math.min(bytes.length - start, 256), StandardCharsets.ISO_8859_1);
        Matcher m = XML_DECL_ENCODING.matcher(head);
        return m.find() ? m.group(1).toLowerCase(Locale.ROOT) : null;
    }

    /**
     * Decodes by what the bytes are (see {@link Charsets#decode}), with the XML declaration's charset as
     * the hint, and drops what would stop an XML parser before the first tag (BOM, leading white space).
     */
    public static Text decode(byte[] bytes) {
        String declared = declaredCharset(bytes);
        Charsets.Decoded decoded = Charsets.decode(bytes, declared);
        String xml = decoded.text();
        int i = 0;
        while (i < xml.length() && (xml.charAt(i) == '\uFEFF' || Character.isWhitespace(xml.charAt(i)))) {
            i++;
        }
        return new Text(xml.substring(i), declared, decoded.detected());
    }

    /** Parses well-formed XML or throws; for formats where broken XML means a broken story. */
    public static Document parseStrict(String format, String xml) throws ParseException {
        return parseStrict(format, xml, FormatDetector.DEFAULT_MAX_BYTES);
    }

    /** {@link #parseStrict(String, String)}, refusing a document over {@code maxChars} (wiretag.max.input.bytes). */
    public static Document parseStrict(String format, String xml, int maxChars) throws ParseException {
        checkSize(format, xml, maxChars);
        refuseHostileDoctype(format, xml);
        return strictDom(format, withHtmlEntitiesAsNumbers(xml));
    }

    /**
     * Parses strictly, for formats with one root element: returns it, or throws when the document's root
     * is another element.
     */
    public static Element parseStrictRoot(String format, Text text, String rootName) throws ParseException {
        return parseStrictRoot(format, text, rootName, FormatDetector.DEFAULT_MAX_BYTES);
    }

    /** {@link #parseStrictRoot(String, Text, String)} with the configured limit. */
    public static Element parseStrictRoot(String format, Text text, String rootName, int maxChars) throws ParseException {
        Element root = parseStrict(format, text.xml(), maxChars).getDocumentElement();
        if (!Dom.name(root).equals(rootName)) {
            throw new ParseException(format + ": root element is <" + root.getNodeName() + ">, not <" + rootName + ">");
        }
        return root;
    }

    /**
     * Parses strictly when the XML is well-formed, else leniently (jsoup's XML parser recovers unclosed
     * tags and bare ampersands), for feeds whose items often survive a broken envelope. Hostile input is
     * refused before either parser sees it.
     */
    public static Parsed parseLenient(String format, String xml) throws ParseException {
        return parseLenient(format, xml, FormatDetector.DEFAULT_MAX_BYTES);
    }

    /** {@link #parseLenient(String, String)}, refusing a document over {@code maxChars} (wiretag.max.input.bytes). */
    public static Parsed parseLenient(String format, String xml, int maxChars) throws ParseException {
        checkSize(format, xml, maxChars);
        refuseHostileDoctype(format, xml);
        String prepared = withHtmlEntitiesAsNumbers(xml);
        try {
            return new Parsed(strictDom(format, prepared), null);
        } catch (ParseException strictFailure) {
            // jsoup never reads a DTD nor expands a declared entity, so the lenient path stays safe.
            try {
                org.jsoup.nodes.Document soup = org.jsoup.Jsoup.parse(prepared, "", Parser.xmlParser());
                Document dom = new W3CDom().namespaceAware(true).fromJsoup(soup);
                return new Parsed(dom, "not well-formed XML, read leniently (" + strictFailure.getMessage() + ")");
            } catch (RuntimeException lenientFailure) {
                // names no DOM accepts (e.g. <1st>): nothing is recoverable, say why the strict read failed
                throw new ParseException(strictFailure.getMessage() + "; not recoverable leniently either: "
                        + lenientFailure.getMessage(), strictFailure);
            }
        }
    }

    /**
     * A document ready to be read as a stream of events ({@link #streamFactory()}): checked for size, its HTML
     * named entities made numeric; null when it has a DOCTYPE, which only the DOM parsers here read safely.
     */
    public static String forStreaming(String format, String xml, int maxChars) throws ParseException {
        checkSize(format, xml, maxChars);
        return DOCTYPE.matcher(xml).find() ? null : withHtmlEntitiesAsNumbers(xml);
    }

    /** A StAX factory that reads no DTD and resolves no external entity; text comes coalesced. */
    public static javax.xml.stream.XMLInputFactory streamFactory() {
        javax.xml.stream.XMLInputFactory f = javax.xml.stream.XMLInputFactory.newFactory();
        f.setProperty(javax.xml.stream.XMLInputFactory.SUPPORT_DTD, false);
        f.setProperty(javax.xml.stream.XMLInputFactory.IS_SUPPORTING_EXTERNAL_ENTITIES, false);
        f.setProperty(javax.xml.stream.XMLInputFactory.IS_NAMESPACE_AWARE, true);
        f.setProperty(javax.xml.stream.XMLInputFactory.IS_COALESCING, true);
        return f;
    }

    private static void checkSize(String format, String xml, int maxChars) throws ParseException {
        if (xml.length() > maxChars) {
            throw new ParseException(format + ": document of " + xml.length() + " characters is over the limit of "
                    + maxChars + " (wiretag.max.input.bytes)");
        }
        if (xml.isEmpty()) {
            throw new ParseException(format + ": empty document");
        }
    }

    /**
     * Refuses the two DTD features news never needs and attacks always use: external entities (XXE: a
     * file or URL pulled into the story) and parameter entities. Internal entities stay allowed, bounded by
     * the parser's expansion limits.
     */
    static void refuseHostileDoctype(String format, String xml) throws ParseException {
        Matcher doctype = DOCTYPE.matcher(xml);
        if (!doctype.find()) {
            return;
        }
        String rest = xml.substring(doctype.start());
        Matcher external = EXTERNAL_ENTITY.matcher(rest);
        if (external.find()) {
            throw new ParseException(format + ": refused: the DOCTYPE declares the external entity '" + external.group(2)
                    + "' (" + external.group(3) + (external.group(4) == null ? "" : " " + external.group(4))
                    + "); wiretag never reads files or URLs an input names (XXE)");
        }
        Matcher parameter = PARAMETER_ENTITY.matcher(rest);
        if (parameter.find()) {
            throw new ParseException(format + ": refused: the DOCTYPE declares the parameter entity '%" + parameter.group(1)
                    + "'; news documents never need one");
        }
    }

    /**
     * Rewrites HTML named entities ({@code &eacute;}, {@code &nbsp;}) as numeric references. Wire XML uses
     * them under a DOCTYPE whose DTD would define them, and that DTD is never fetched.
     */
    static String withHtmlEntitiesAsNumbers(String xml) {
        if (xml.indexOf('&') < 0) {
            return xml;
        }
        Matcher m = NAMED_REF.matcher(xml);
        StringBuilder out = new StringBuilder(xml.length());
        while (m.find()) {
            String name = m.group(1);
            String replacement = m.group();
            if (!isXmlPredefined(name) && Entities.isNamedEntity(name)) {
                String chars = Entities.getByName(name);
                StringBuilder refs = new StringBuilder();
                chars.codePoints().forEach(cp -> refs.append("&#").append(cp).append(';'));
                replacement = refs.toString();
            }
            m.appendReplacement(out, Matcher.quoteReplacement(replacement));
        }
        m.appendTail(out);
        return out.toString();
    }

    private static boolean isXmlPredefined(String name) {
        return switch (name) {
            case "amp", "lt", "gt", "quot", "apos" -> true;
            default -> false;
        };
    }

    private static Document strictDom(String format, String xml) throws ParseException {
        try {
            DocumentBuilder builder = factory().newDocumentBuilder();
            builder.setEntityResolver((publicId, systemId) -> {
                // Defence in depth behind refuseHostileDoctype: never resolve anything outside the input.
                throw new SAXException("refused to read the external resource " + systemId);
            });
            builder.setErrorHandler(new ErrorHandler() {
                @Override
                public void warning(SAXParseException e) {
                    // non-fatal: nothing to do
                }

                @Override
                public void error(SAXParseException e) {
                    // validity errors only; wiretag does not validate against the DTD it never loads
                }

                @Override
                public void fatalError(SAXParseException e) throws SAXException {
                    throw e;
                }
            });
            return builder.parse(new InputSource(new StringReader(xml)));
        } catch (SAXParseException e) {
            throw new ParseException(format + ": " + describe(e) + " at line " + e.getLineNumber() + ", column "
                    + e.getColumnNumber(), e);
        } catch (SAXException e) {
            throw new ParseException(format + ": " + describe(e), e);
        } catch (IOException | ParserConfigurationException e) {
            throw new ParseException(format + ": XML reader failed: " + e.getMessage(), e);
        }
    }

    /** The parser's message, with the JDK's limit codes put in words a person can act on. */
    private static String describe(SAXException e) {
        String msg = e.getMessage() == null ? e.toString() : e.getMessage();
        if (msg.contains("JAXP00010001") || msg.contains("JAXP00010004") || msg.contains("JAXP00010003")) {
            return "refused: entity expansion over wiretag's limit (billion-laughs style DTD): " + msg;
        }
        if (msg.contains("JAXP00010006") || msg.contains("maxElementDepth")) {
            return "refused: elements nested deeper than " + MAX_DEPTH + ": " + msg;
        }
        return "not well-formed XML: " + msg;
    }

    private static DocumentBuilderFactory factory() throws ParserConfigurationException {
        DocumentBuilderFactory f = DocumentBuilderFactory.newInstance();
        f.setNamespaceAware(true);
        f.setValidating(false);
        f.setXIncludeAware(false);
        f.setExpandEntityReferences(true);
        f.setFeature(XMLConstants.FEATURE_SECURE_PROCESSING, true);
        f.setFeature("http://xml.org/sax/features/external-general-entities", false);
        f.setFeature("http://xml.org/sax/features/external-parameter-entities", false);
        f.setFeature("http://apache.org/xml/features/nonvalidating/load-external-dtd", false);
        f.setAttribute(XMLConstants.ACCESS_EXTERNAL_DTD, "");
        f.setAttribute(XMLConstants.ACCESS_EXTERNAL_SCHEMA, "");
        f.setAttribute("http://www.oracle.com/xml/jaxp/properties/entityExpansionLimit", String.valueOf(ENTITY_EXPANSION_LIMIT));
        f.setAttribute("http://www.oracle.com/xml/jaxp/properties/totalEntitySizeLimit", String.valueOf(TOTAL_ENTITY_SIZE_LIMIT));
        f.setAttribute("http://www.oracle.com/xml/jaxp/properties/maxGeneralEntitySizeLimit", String.valueOf(TOTAL_ENTITY_SIZE_LIMIT));
        f.setAttribute("http://www.oracle.com/xml/jaxp/properties/maxElementDepth", String.valueOf(MAX_DEPTH));
        return f;
    }
}
