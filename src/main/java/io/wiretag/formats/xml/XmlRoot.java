package io.wiretag.formats.xml;

import io.wiretag.formats.Sniff;

/** Finds an XML input's root element name from its first bytes, past the declaration, comments and DOCTYPE. */
public final class XmlRoot {
    private XmlRoot() {
    }

    /** The root element's local name (prefix dropped), or null when the input does not look like XML. */
    public static String localName(Sniff sniff) {
        String head = sniff.head();
        int i = 0;
        while (i < head.length()) {
            while (i < head.length() && (Character.isWhitespace(head.charAt(i)) || head.charAt(i) == '\uFEFF')) {
                i++;
            }
            if (i >= head.length() || head.charAt(i) != '<') {
                return null;
            }
            if (head.startsWith("<?", i)) {
                int end = head.indexOf("?>", i);
                if (end < 0) {
                    return null;
                }
                i = end + 2;
            } else if (head.startsWith("<!--", i)) {
                int end = head.indexOf("-->", i);
                if (end < 0) {
                    return null;
                }
                i = end + 3;
            } else if (head.startsWith("<!", i)) {
                i = skipDoctype(head, i);
                if (i < 0) {
                    return null;
                }
            } else {
                int start = i + 1;
                int end = start;
                while (end < head.length() && !Character.isWhitespace(head.charAt(end)) && head.charAt(end) != '>'
                        && head.charAt(end) != '/') {
                    end++;
                }
                String name = head.substring(start, end);
                int colon = name.indexOf(':');
                return name.isEmpty() ? null : colon >= 0 ? name.substring(colon + 1) : name;
            }
        }
        return null;
    }

    private static int skipDoctype(String head, int from) {
        int depth = 0;
        for (int i = from; i < head.length(); i++) {
            char c = head.charAt(i);
            if (c == '[') {
                depth++;
            } else if (c == ']') {
                depth--;
            } else if (c == '>' && depth <= 0) {
                return i + 1;
            }
        }
        return -1;
    }
}
