package io.wiretag.tagging;

import io.wiretag.story.EntityTag;
import io.wiretag.story.Mention;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/** The entities the {@link NameFinder} joined, as unlinked entity tags: name, slug id, mentions, relevance. */
final class UnlinkedTags {
    private UnlinkedTags() {
    }

    static List<EntityTag> build(Tokens tk, NameWork w, String headline, String body, int leadParagraph,
                                 Explanation.Builder explain) {
        // Each entity's runs in story order, chained from its first: one pass over the runs, not one per entity.
        int[] head = w.eHead;
        int[] next = w.rNext;
        Arrays.fill(head, 0, w.ents, -1);
        for (int r = w.runs - 1; r >= 0; r--) {
            int e = w.rEntity[r];
            if (e >= 0) {
                next[r] = head[e];
                head[e] = r;
            }
        }
        List<EntityTag> out = new ArrayList<>();
        StringBuilder idText = w.idText;
        for (int e = 0; e < w.ents; e++) {
            if (w.eType[e] == NameFinder.UNKNOWN) {
                continue;
            }
            int longest = w.eLongest[e];
            String type = NameFinder.TYPE_NAMES[w.eType[e]];
            String given = w.rName[longest]; // a declined name's nominative, or null: the name is the text
            String name = given != null ? given
                    : Tagger.span(tk, w.rFirst[longest], w.rLast[longest], headline, body); // reused as its mention's text
            idText.setLength(0);
            idText.append(EntityTag.UNLINKED).append(type).append(':');
            appendSlug(idText, given != null ? w.rLatin[longest].latin(given) : name);
            String id = idText.toString();
            // One or two mentions, as most names have, go straight into an immutable list (no copy after).
            Mention m0 = null;
            Mention m1 = null;
            List<Mention> more = null;
            double weight = 0;
            for (int r = head[e]; r >= 0; r = next[r]) {
                int f = w.rFirst[r];
                int l = w.rLast[r];
                Mention m = new Mention(f < tk.fieldStart[Tagger.BODY] ? "headline" : "body", tk.start[f],
                        tk.nameEnd(l, Tagger.source(tk, f, headline, body)),
                        r == longest && given == null ? name : text(tk, f, l, headline, body, name));
                if (m0 == null) {
                    m0 = m;
                } else if (m1 == null) {
                    m1 = m;
                } else {
                    if (more == null) {
                        more = new ArrayList<>(4);
                        more.add(m0);
                        more.add(m1);
                    }
                    more.add(m);
                }
                weight += EntityTags.weight(tk, f, leadParagraph);
                if (explain != null) {
                    explain.mention(id, m, "(not in the gazetteer)", false, "name finder: " + type + " by "
                            + NameFinder.WHY[w.rWhy[r] == 0 ? NameFinder.BY_COREF : w.rWhy[r]]);
                }
            }
            List<Mention> mentions = more != null ? more : m1 != null ? List.of(m0, m1) : m0 != null ? List.of(m0) : List.of();
            double relevance = EntityTags.relevance(weight);
            out.add(new EntityTag(id, name, type, null, relevance, mentions, Boolean.FALSE));
        }
        return out;
    }

    /** A mention's text; the entity's name String itself when the mention reads the same, as most do. */
    private static String text(Tokens tk, int f, int l, String headline, String body, String name) {
        String src = Tagger.source(tk, f, headline, body);
        int from = tk.start[f];
        int len = tk.nameEnd(l, src) - from;
        if (name.length() == len && src.regionMatches(from, name, 0, len)) {
            return name;
        }
        return src.substring(from, from + len);
    }

    /** A lower-case ASCII slug of a name: "Viktor Yanukovych" is viktor-yanukovych, "Kwaśniewski" kwasniewski. */
    static String slug(String name) {
        StringBuilder b = new StringBuilder(name.length());
        appendSlug(b, name);
        return b.toString();
    }

    /** Appends the {@link #slug} of a name. */
    private static void appendSlug(StringBuilder b, String name) {
        boolean ascii = true;
        for (int i = 0; i < name.length() && ascii; i++) {
            ascii = name.charAt(i) < 0x80;
        }
        String n = ascii ? name : java.text.Normalizer.normalize(name, java.text.Normalizer.Form.NFKD);
        int from = b.length();
        boolean dash = false;
        for (int i = 0; i < n.length(); i++) {
            char c = Character.toLowerCase(n.charAt(i));
            if (c == 'ł') {
                c = 'l';
            }
            if ((c >= 'a' && c <= 'z') || (c >= '0' && c <= '9')) {
                if (dash && b.length() > from) {
                    b.append('-');
                }
                b.append(c);
                dash = false;
            } else if (Character.getType(c) != Character.NON_SPACING_MARK && c != '\'' && c != '\u2019') {
                dash = true;
            }
        }
        if (b.length() == from) { // a name in another script: a stable slug from its text
            b.append('x').append(Integer.toHexString(name.hashCode()));
        }
    }
}
