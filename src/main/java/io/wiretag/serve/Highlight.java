package io.wiretag.serve;

import io.wiretag.story.EntityTag;
import io.wiretag.story.Mention;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * One field of a story (headline or body) as HTML with every entity mention marked and linked to the
 * dashboard filtered by that entity: {@code <a class="mention" href="/?entity=ID"><mark>text</mark></a>}
 * (class {@code mention unlinked} for a name the gazetteer does not know, id {@code unlinked:<type>:<slug>};
 * class {@code mention demonym} for a demonym, "Polish" for Poland).
 * All text is escaped. A mention whose offsets fall outside the text, split a surrogate pair, do not
 * cover the text it claims, or overlap an earlier (longer) one is left unmarked.
 */
public final class Highlight {
    private Highlight() {
    }

    /** A mention placed on the text, with the entity it names. */
    record Span(int start, int end, String entityId, String entityName, boolean linked, boolean demonym) {
    }

    /** The mentions of {@code field} ({@code headline} or {@code body}) that can be marked in {@code text}, in order. */
    static List<Span> spans(String field, String text, List<EntityTag> entities) {
        List<Span> all = new ArrayList<>();
        for (EntityTag e : entities) {
            for (Mention m : e.mentions()) {
                if (field.equals(m.field()) && fits(text, m)) {
                    all.add(new Span(m.start(), m.end(), e.id(), e.name(), !Boolean.FALSE.equals(e.linked()), false));
                }
            }
            for (Mention m : e.inside()) { // marked where no longer name around it is ("UK-US talks")
                if (field.equals(m.field()) && fits(text, m)) {
                    all.add(new Span(m.start(), m.end(), e.id(), e.name(), !Boolean.FALSE.equals(e.linked()), false));
                }
            }
            for (Mention m : e.demonyms()) {
                if (field.equals(m.field()) && fits(text, m)) {
                    all.add(new Span(m.start(), m.end(), e.id(), e.name(), true, true));
                }
            }
        }
        all.sort(Comparator.comparingInt(Span::start).thenComparing(s -> -(s.end() - s.start())));
        List<Span> out = new ArrayList<>();
        int covered = 0;
        for (Span s : all) {
            if (s.start() >= covered) {
                out.add(s);
                covered = s.end();
            }
        }
        return out;
    }

    private static boolean fits(String text, Mention m) {
        if (m.start() < 0 || m.end() <= m.start() || m.end() > text.length()) {
            return false;
        }
        if (Character.isLowSurrogate(text.charAt(m.start())) || (m.end() < text.length() && Character.isLowSurrogate(text.charAt(m.end())))) {
            return false;
        }
        return m.text() == null || m.text().equals(text.substring(m.start(), m.end()));
    }

    /** {@code text} escaped, with the mentions of {@code field} marked and linked. */
    public static String html(String field, String text, List<EntityTag> entities) {
        if (text == null) {
            return "";
        }
        StringBuilder h = new StringBuilder(text.length() + 64);
        int at = 0;
        for (Span s : spans(field, text, entities)) {
            h.append(Dashboard.escape(text.substring(at, s.start())));
            h.append(s.demonym() ? "<a class=\"mention demonym\"" : s.linked() ? "<a class=\"mention\""
                    : "<a class=\"mention unlinked\"").append(" href=\"/?entity=")
                    .append(Dashboard.escape(ApiHttp.encode(s.entityId()))).append("\" title=\"")
                    .append(Dashboard.escape(s.entityName() == null ? s.entityId() : s.entityName()))
                    .append(s.demonym() ? " (demonym)" : s.linked() ? "" : " (not in the gazetteer)")
                    .append("\" data-entity=\"").append(Dashboard.escape(s.entityId())).append("\"><mark>")
                    .append(Dashboard.escape(text.substring(s.start(), s.end()))).append("</mark></a>");
            at = s.end();
        }
        h.append(Dashboard.escape(text.substring(at)));
        return h.toString();
    }
}
