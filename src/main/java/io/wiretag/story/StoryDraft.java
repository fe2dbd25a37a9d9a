package io.wiretag.story;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;

/**
 * A story being read: each parser fills what its format carries, then {@link #build} derives the rest the
 * same way for every format (id when the source gave none, headline from the first sentence, language,
 * defaults for status and revision), so the formats agree on what a Story is.
 */
public final class StoryDraft {
    public String provider;
    public String guid;
    public String version;
    public Instant versionCreated;
    public Instant firstCreated;
    public Instant embargoedUntil;
    public PubStatus pubStatus;
    public Revision revision;
    public Integer urgency;
    public String language;
    public String headline;
    public String slugline;
    public String byline;
    public String dateline;
    public String located;
    /** Body paragraphs, in order; joined by {@link Text#body}. */
    public final List<String> paragraphs = new ArrayList<>();
    public final List<String> editorNotes = new ArrayList<>();
    public final List<Subject> subjects = new ArrayList<>();
    public final List<String> warnings = new ArrayList<>();
    /** A date shown in the source that is not versionCreated (e.g. the plain-text header's date), for the id hash. */
    public String dateKey;

    /**
     * Everything a story needs from its delivery: the original bytes, their hash and where they came from.
     * The hash is taken once per delivery: a many-item input shares one delivery among all its stories
     * (hashing the whole input again per item made parsing quadratic in the number of items).
     */
    public record Delivery(byte[] bytes, String format, String provider, String feed, Instant receivedAt,
                           String declaredCharset, String detectedCharset, String sha256) {
        public Delivery(byte[] bytes, String format, String provider, String feed, Instant receivedAt,
                        String declaredCharset, String detectedCharset) {
            this(bytes, format, provider, feed, receivedAt, declaredCharset, detectedCharset, sha256Hex(bytes));
        }
    }

    public Story build(Delivery d) {
        String prov = firstNonBlank(provider, d.provider(), "unknown").toLowerCase(Locale.ROOT);
        String body = Text.body(paragraphs);
        String head = blankToNull(Text.cleanParagraph(headline));
        if (head == null && !body.isEmpty()) {
            head = deriveHeadline(Text.paragraphs(body).get(0));
        }
        String slug = blankToNull(Text.cleanParagraph(slugline));
        String id = guid != null && !guid.isBlank()
                ? prov + ":" + guid.strip()
                : prov + ":" + sha256Hex((prov + "\n" + firstNonBlank(slug, head, "") + "\n"
                        + firstNonBlank(dateKey, versionCreated == null ? null : versionCreated.toString(), "")).getBytes(StandardCharsets.UTF_8)).substring(0, 16);
        PubStatus status = pubStatus == null ? PubStatus.USABLE : pubStatus;
        Revision rev = revision != null ? revision : status == PubStatus.CANCELED ? Revision.KILL : Revision.NEW;
        String lang = language != null && !language.isBlank() ? language.strip() : Languages.detect(head, body);
        List<String> notes = editorNotes.stream().map(Text::cleanParagraph).filter(s -> !s.isEmpty()).toList();
        return new Story(id, blankToNull(guid), blankToNull(version), versionCreated, firstCreated, embargoedUntil,
                status, rev, urgency, lang, head, slug, blankToNull(Text.cleanParagraph(byline)),
                blankToNull(Text.cleanParagraph(dateline)), blankToNull(Text.cleanParagraph(located)), body,
                notes, subjects, new Source(prov, d.format(), d.feed(), d.receivedAt()),
                new Raw(d.sha256(), d.bytes().length, d.declaredCharset(), d.detectedCharset()),
                warnings, null, null);
    }

    /** The first sentence, cut at a word boundary near 200 characters if the sentence runs on. */
    static String deriveHeadline(String firstParagraph) {
        String s = Text.firstSentence(firstParagraph);
        if (s.length() <= 200) {
            return s;
        }
        int cut = s.lastIndexOf(' ', 200);
        return s.substring(0, cut > 80 ? cut : 200) + "…";
    }

    public static String sha256Hex(byte[] bytes) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every JDK", e);
        }
    }

    private static String firstNonBlank(String... values) {
        for (String v : values) {
            if (v != null && !v.isBlank()) {
                return v;
            }
        }
        return null;
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s;
    }
}
