package io.wiretag.formats.xml;

import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Provider names as the story id uses them ({@code reuters}, {@code ap}, {@code afp}, {@code dpa}), read
 * from what a document names: a domain in its guid, a provider element, a source name.
 */
public final class Providers {
    private static final Pattern TAG_URI = Pattern.compile("^tag:([^,:]+)[,:]");
    private static final Pattern NEWSML_URN = Pattern.compile("^urn:newsml:([^:]+):", Pattern.CASE_INSENSITIVE);

    /** Names agencies go by in documents, and the short name the story id uses. */
    private static final Map<String, String> ALIASES = Map.of(
            "itar-tass", "tass",
            "associated-press", "ap",
            "the-associated-press", "ap",
            "thomson-reuters", "reuters",
            "agence-france-presse", "afp",
            "deutsche-presse-agentur", "dpa",
            "press-association", "pa");

    private Providers() {
    }

    /** The provider a guid names ({@code tag:reuters.com,0000:...}, {@code urn:newsml:dpa.com:...}), or null. */
    public static String fromGuid(String guid) {
        if (guid == null) {
            return null;
        }
        Matcher tag = TAG_URI.matcher(guid.strip());
        if (tag.find()) {
            return normalize(tag.group(1));
        }
        Matcher urn = NEWSML_URN.matcher(guid.strip());
        if (urn.find()) {
            return normalize(urn.group(1));
        }
        return null;
    }

    /**
     * One provider name: a domain becomes its name label ({@code reuters.com} and {@code www.reuters.com}
     * become {@code reuters}, {@code feed.wenn.org} becomes {@code wenn}), a qcode loses its scheme, other
     * names are lower-cased with runs of non-letters as one dash.
     */
    public static String normalize(String name) {
        String n = slug(name);
        return n == null ? null : ALIASES.getOrDefault(n, n);
    }

    private static String slug(String name) {
        if (name == null || name.isBlank()) {
            return null;
        }
        String n = name.strip().toLowerCase(Locale.ROOT);
        int scheme = n.indexOf("://");
        if (scheme >= 0) {
            n = n.substring(scheme + 3);
            int slash = n.indexOf('/');
            n = slash >= 0 ? n.substring(0, slash) : n;
        }
        if (n.matches("[a-z0-9-]+(\\.[a-z0-9-]+)+")) {
            String[] labels = n.split("\\.");
            int nameLabel = labels.length - 2;
            // two-letter second-level labels as in co.uk, com.au: the name is one further left
            if (nameLabel > 0 && labels[nameLabel].length() <= 3 && labels[labels.length - 1].length() == 2
                    && (labels[nameLabel].equals("co") || labels[nameLabel].equals("com") || labels[nameLabel].equals("org"))) {
                nameLabel--;
            }
            return labels[nameLabel];
        }
        int colon = n.lastIndexOf(':');
        if (colon >= 0 && colon < n.length() - 1) {
            n = n.substring(colon + 1);
        }
        String slug = n.replaceAll("[^\\p{L}\\p{N}]+", "-").replaceAll("^-|-$", "");
        return slug.isEmpty() ? null : slug;
    }

    /** The first of several candidates that names a provider. */
    public static String first(String... candidates) {
        for (String c : candidates) {
            String n = normalize(c);
            if (n != null) {
                return n;
            }
        }
        return null;
    }
}
