package io.wiretag.tagging;

import io.wiretag.story.EntityTag;
import io.wiretag.story.Mention;
import java.util.ArrayList;
import java.util.List;

/** The entities the {@link NameFinder} joined, as unlinked entity tags: name, slug id, mentions, relevance. */
final class UnlinkedTags {
    private UnlinkedTags() {
    }

    static List<EntityTag> build(Tokens tk, NameWork w, String headline, String body, int leadParagraph,
                                 Explanation.Builder explain) {
        List<EntityTag> out = new ArrayList<>();
        for (int e = 0; e < w.ents; e++) {
            if (w.eType[e] == NameFinder.UNKNOWN) {
                continue;
            }
            int longest = w.eLongest[e];
            String name = text(tk, w.rFirst[longest], w.rLast[longest], headline, body); // reused as its mention's text
            String id = EntityTag.UNLINKED + NameFinder.TYPE_NAMES[w.eType[e]] + ":" + slug(name);
            List<Mention> mentions = new ArrayList<>(2);
            double weight = 0;
            for (int r = 0; r < w.runs; r++) {
                if (w.rEntity[r] != e) {
                    continue;
                }
                int f = w.rFirst[r];
                int l = w.rLast[r];
                Mention m = new Mention(f < tk.fieldStart[Tagger.BODY] ? "headline" : "body", tk.start[f], tk.end[l],
                        r == longest ? name : text(tk, f, l, headline, body));
                mentions.add(m);
                weight += EntityTags.weight(tk, f, leadParagraph);
                if (explain != null) {
                    explain.mention(id, m, "(not in the gazetteer)", "name finder: " + NameFinder.TYPE_NAMES[w.eType[e]] + " by "
                            + NameFinder.WHY[w.rWhy[r] == 0 ? NameFinder.BY_COREF : w.rWhy[r]]);
                }
            }
            double relevance = Math.round((1 - Math.exp(-weight / 4)) * 100) / 100.0;
            out.add(new EntityTag(id, name, NameFinder.TYPE_NAMES[w.eType[e]], null, relevance, mentions, Boolean.FALSE));
        }
        return out;
    }

    private static String text(Tokens tk, int f, int l, String headline, String body) {
        return (f < tk.fieldStart[Tagger.BODY] ? headline : body).substring(tk.start[f], tk.end[l]);
    }

    /** A lower-case ASCII slug of a name: "Viktor Yanukovych" is viktor-yanukovych, "Kwaśniewski" kwasniewski. */
    static String slug(String name) {
        boolean ascii = true;
        for (int i = 0; i < name.length() && ascii; i++) {
            ascii = name.charAt(i) < 0x80;
        }
        String n = ascii ? name : java.text.Normalizer.normalize(name, java.text.Normalizer.Form.NFKD);
        StringBuilder b = new StringBuilder(n.length());
        boolean dash = false;
        for (int i = 0; i < n.length(); i++) {
            char c = Character.toLowerCase(n.charAt(i));
            if (c == 'ł') {
                c = 'l';
            }
            if ((c >= 'a' && c <= 'z') || (c >= '0' && c <= '9')) {
                if (dash && b.length() > 0) {
                    b.append('-');
                }
                b.append(c);
                dash = false;
            } else if (Character.getType(c) != Character.NON_SPACING_MARK && c != '\'' && c != '\u2019') {
                dash = true;
            }
        }
        if (b.length() == 0) { // a name in another script: a stable slug from its text
            return "x" + Integer.toHexString(name.hashCode());
        }
        return b.toString();
    }
}
