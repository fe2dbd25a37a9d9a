package io.wiretag.tagging;

import static io.wiretag.tagging.TopicRules.SCOPE_HEADLINE;
import static io.wiretag.tagging.TopicRules.SCOPE_LEAD;
import static io.wiretag.tagging.TopicRules.SCOPE_PARAGRAPH;
import static io.wiretag.tagging.TopicRules.SCOPE_SENTENCE;

import io.wiretag.tagging.TopicRules.CompiledGroup;
import io.wiretag.tagging.TopicRules.CompiledRule;
import java.util.List;

/**
 * What a topic rule found in a story, by walking the matches: counted where the masks cannot say (distinct
 * keywords), and in words for a tag's evidence and the explanation (entity ids, quoted keywords, near misses).
 */
final class TopicEvidence {
    private final EntityDef[] entities;
    private final List<String> keywordText;
    /**
     * The lines of evidence, by scope code and entity or keyword, made the first time one is needed: the same
     * few lines ("entity: vladimir-putin in lead") recur in story after story. A race makes a line twice, equal.
     * Entities' by their number among those topic rules name ({@link #ruleEntity}): a gazetteer may hold
     * 100,000, the rules name a few hundred with their affiliates.
     */
    private final String[][] entityLines;
    private final int[] ruleEntity;
    private final String[][] keywordLines;
    private final String[] quoted;

    TopicEvidence(Gazetteer gazetteer, boolean[] entityCounts) {
        this.entities = gazetteer.entities;
        this.keywordText = gazetteer.keywordText;
        this.keywordLines = new String[SCOPE_PARAGRAPH + 1][keywordText.size()];
        this.quoted = new String[keywordText.size()];
        this.ruleEntity = new int[entities.length];
        int named = 0;
        for (int e = 0; e < entities.length; e++) {
            ruleEntity[e] = entityCounts[e] ? named++ : -1;
        }
        this.entityLines = new String[SCOPE_PARAGRAPH + 1][named];
    }

    private String entityLine(CompiledRule r, int e) {
        int k = ruleEntity[e];
        String line = k >= 0 ? entityLines[r.scopeCode()][k] : null;
        if (line == null) {
            line = "entity: " + entities[e].id() + (r.scope().equals("story") ? "" : " in " + r.scope());
            if (k >= 0) {
                entityLines[r.scopeCode()][k] = line;
            }
        }
        return line;
    }

    private String keywordLine(CompiledRule r, int kw) {
        String line = keywordLines[r.scopeCode()][kw];
        if (line == null) {
            line = "keyword: " + keywordText.get(kw) + (r.scope().equals("story") ? "" : " in " + r.scope());
            keywordLines[r.scopeCode()][kw] = line;
        }
        return line;
    }

    private String quoted(int kw) {
        String q = quoted[kw];
        if (q == null) {
            q = "\"" + keywordText.get(kw) + "\"";
            quoted[kw] = q;
        }
        return q;
    }

    /** What a together rule found in unit {@code u}: the first member of each group there. */
    String togetherEvidence(CompiledRule r, Tokens tk, Scratch s, int u) {
        CompiledGroup[] groups = r.groups();
        int scope = r.scopeCode();
        StringBuilder b = new StringBuilder();
        for (int g = 0; g < groups.length; g++) {
            b.append(g == 0 ? "" : " + ").append(member(groups[g], scope, tk, s, u));
        }
        return b.append(where(scope)).toString();
    }

    private static String where(int scope) {
        return switch (scope) {
            case SCOPE_SENTENCE -> " in one sentence";
            case SCOPE_PARAGRAPH -> " in one paragraph";
            case SCOPE_HEADLINE -> " in the headline";
            default -> " in the story";
        };
    }

    double entityRule(CompiledRule r, Tokens tk, Scratch s, int lead, List<String> evidence) {
        boolean[] want = r.groups()[0].entity();
        int found = 0;
        int[] seen = s.seenEntities;
        for (int m = 0; m < s.matches && found < 3; m++) {
            int e = s.mEntity[m];
            if (e >= 0 && want[e] && inScope(r.scopeCode(), tk, s.mFirst[m], lead)) {
                boolean dup = false;
                for (int k = 0; k < found; k++) {
                    dup |= seen[k] == e;
                }
                if (!dup) {
                    seen[found++] = e;
                    evidence.add(entityLine(r, e));
                }
            }
        }
        return found > 0 ? r.def().weight() : 0;
    }

    double keywordRule(CompiledRule r, Tokens tk, Scratch s, int lead, List<String> evidence) {
        CompiledGroup g = r.groups()[0];
        int max = Math.max(1, r.def().max());
        int found = 0;
        int[] seen = s.seenKeywords(max);
        for (int w = 0; w < s.words && found < max; w++) {
            int kw = s.wId[w];
            if (g.hasKeyword(kw) && inScope(r.scopeCode(), tk, s.wFirst[w], lead)) {
                boolean dup = false;
                for (int k = 0; k < found; k++) {
                    dup |= seen[k] == kw;
                }
                if (!dup) {
                    seen[found++] = kw;
                    if (evidence != null) {
                        evidence.add(keywordLine(r, kw));
                    }
                }
            }
        }
        return found * r.def().weight();
    }

    double togetherRule(CompiledRule r, Tokens tk, Scratch s, List<String> evidence, String[] near) {
        CompiledGroup[] groups = r.groups();
        int scope = r.scopeCode();
        int units = scope == SCOPE_PARAGRAPH ? tk.paragraphs : scope == SCOPE_SENTENCE ? tk.sentences : 1;
        int[] mask = s.unitMask(units);
        for (int m = 0; m < s.matches; m++) {
            int e = s.mEntity[m];
            if (e < 0) {
                continue;
            }
            int u = unit(scope, tk, s.mFirst[m]);
            if (u >= 0) {
                for (int g = 0; g < groups.length; g++) {
                    if (groups[g].entity()[e]) {
                        mask[u] |= 1 << g;
                    }
                }
            }
        }
        for (int w = 0; w < s.words; w++) {
            int u = unit(scope, tk, s.wFirst[w]);
            if (u >= 0) {
                for (int g = 0; g < groups.length; g++) {
                    if (groups[g].hasKeyword(s.wId[w])) {
                        mask[u] |= 1 << g;
                    }
                }
            }
        }
        int full = (1 << groups.length) - 1;
        int bestUnit = -1;
        int bestBits = 0;
        for (int u = 0; u < units; u++) {
            int bits = Integer.bitCount(mask[u]);
            if (mask[u] == full) {
                bestUnit = u;
                bestBits = bits;
                break;
            }
            if (bits > bestBits) {
                bestUnit = u;
                bestBits = bits;
            }
        }
        String where = where(scope);
        if (bestUnit >= 0 && mask[bestUnit] == full) {
            StringBuilder b = new StringBuilder();
            for (int g = 0; g < groups.length; g++) {
                b.append(g == 0 ? "" : " + ").append(member(groups[g], scope, tk, s, bestUnit));
            }
            evidence.add(b.append(where).toString());
            return r.def().weight();
        }
        if (near != null && bestUnit >= 0 && bestBits > 0) {
            StringBuilder b = new StringBuilder("nearly: ");
            boolean firstMissing = true;
            for (int g = 0; g < groups.length; g++) {
                if ((mask[bestUnit] & (1 << g)) != 0) {
                    b.append(member(groups[g], scope, tk, s, bestUnit)).append(" present, ");
                }
            }
            for (int g = 0; g < groups.length; g++) {
                if ((mask[bestUnit] & (1 << g)) == 0) {
                    b.append(firstMissing ? "but no " : " nor ").append('[').append(groups[g].describe()).append(']');
                    firstMissing = false;
                }
            }
            near[0] = b.append(where).toString();
        }
        return 0;
    }

    private static int unit(int scope, Tokens tk, int token) {
        return switch (scope) {
            case SCOPE_SENTENCE -> tk.sentence[token];
            case SCOPE_PARAGRAPH -> tk.paragraph[token];
            case SCOPE_HEADLINE -> token < tk.fieldStart[Tagger.BODY] ? 0 : -1;
            default -> 0;
        };
    }

    /** The first member of a group found in a unit: an entity id or a quoted keyword. */
    private String member(CompiledGroup g, int scope, Tokens tk, Scratch s, int u) {
        for (int m = 0, n = g.anyEntity ? s.matches : 0; m < n; m++) {
            int e = s.mEntity[m];
            if (e >= 0 && g.entity()[e] && unit(scope, tk, s.mFirst[m]) == u) {
                return entities[e].id();
            }
        }
        for (int w = 0, n = g.keywords.length > 0 ? s.words : 0; w < n; w++) {
            if (g.hasKeyword(s.wId[w]) && unit(scope, tk, s.wFirst[w]) == u) {
                return quoted(s.wId[w]);
            }
        }
        return "?";
    }

    private static boolean inScope(int scope, Tokens tk, int token, int leadParagraph) {
        return switch (scope) {
            case SCOPE_HEADLINE -> token < tk.fieldStart[Tagger.BODY];
            case SCOPE_LEAD -> token < tk.fieldStart[Tagger.BODY] || tk.paragraph[token] == leadParagraph;
            default -> true;
        };
    }
}
