package io.wiretag.tagging;

/**
 * Spanish names a club with the article and a city without it: "venció al Barcelona", "el Barcelona ganó", "los
 * goles del Barcelona" are FC Barcelona; "en Barcelona", "de Barcelona" the city. A city the gazetteer matched
 * right after "el", "al" or "del" is the club whose short name it is ({@link ClubNames}), linked to it.
 */
final class ArticleClubs {
    private static final long[] ARTICLES = Tokens.hashesLower("el", "al", "del");

    private final ClubNames clubs;
    private final boolean[] entityIsPlace;

    private ArticleClubs(Gazetteer g) {
        int n = g.entities.length;
        boolean[] organisation = new boolean[n];
        entityIsPlace = new boolean[n];
        for (int e = 0; e < n; e++) {
            organisation[e] = "organisation".equals(g.entities[e].type());
            entityIsPlace[e] = "place".equals(g.entities[e].type());
        }
        clubs = new ClubNames(g, organisation);
    }

    /** The reader for stories in {@code language}, or null where its articles say nothing of clubs. */
    static ArticleClubs of(String language, Gazetteer g) {
        return "es".equals(language) ? new ArticleClubs(g) : null;
    }

    /** After the resolver: each one-word city match after the article becomes the club's mention. */
    void link(Tokens tk, Scratch s, String headline, String body, int leadParagraph, Explanation.Builder explain) {
        for (int m = 0; m < s.matches; m++) {
            int e = s.mEntity[m];
            int f = s.mFirst[m];
            if (e < 0 || !entityIsPlace[e] || f != s.mLast[m] || f == 0 || !Tokens.among(ARTICLES, tk.lower[f - 1])
                    || !NameFinder.sameSentence(tk, f - 1, f)
                    || NameText.gap(Tagger.source(tk, f, headline, body), tk.end[f - 1], tk.start[f]) != NameText.GAP_SPACE) {
                continue;
            }
            int[] club = clubs.clubCalled(tk, f);
            if (club == null) {
                continue;
            }
            s.retarget(m, club[0], club[1], EntityTags.weight(tk, f, leadParagraph));
            if (explain != null) {
                explain.why(m, "a club's short name after the article (\"al Barcelona\"): a city takes none");
            }
        }
    }
}
