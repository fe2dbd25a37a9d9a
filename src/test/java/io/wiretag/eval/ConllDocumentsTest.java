package io.wiretag.eval;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

class ConllDocumentsTest {
    private static final List<String> FILE = List.of(
            "-DOCSTART- -X- -X- O",
            "",
            "Talks NNS I-NP O",
            "in IN I-PP O",
            "Berlin NNP I-NP I-LOC",
            "",
            "Bitar NNP I-NP I-PER",
            "'s POS B-NP O",
            "goal NN I-NP O",
            "( ( O O",
            "AN NNP I-NP I-ORG",
            ") ) O O",
            ": : O O",
            "\" \" O O",
            "He PRP I-NP O",
            "is VBZ I-VP O",
            "resolute JJ I-ADJP O",
            ". . O O",
            "\" \" O O",
            "",
            "Ivan NNP I-NP I-PER",
            "Drozd NNP I-NP I-PER",
            "Anna NNP I-NP B-PER",
            "Kovalenko NNP I-NP I-PER",
            "met VBD I-VP O",
            "",
            "-DOCSTART- -X- -X- O",
            "",
            "Second NNP I-NP O",
            "story NN I-NP O");

    @Test
    void tokensAreJoinedAsAWirePrintsThemAndGoldSpansPointIntoTheirField() {
        List<ConllDocuments.Document> docs = ConllDocuments.read(FILE);
        assertEquals(2, docs.size());
        ConllDocuments.Document d = docs.get(0);
        assertEquals("Talks in Berlin", d.headline());
        assertEquals(List.of("Bitar's goal (AN): \"He is resolute.\"", "Ivan Drozd Anna Kovalenko met"), d.paragraphs());
        String body = String.join("\n\n", d.paragraphs());
        for (ConllDocuments.Gold g : d.gold()) {
            String field = g.field().equals("headline") ? d.headline() : body;
            assertEquals(g.text(), field.substring(g.start(), g.end()), g.toString());
        }
        // I- continues a name of the same type; B- starts another one right after it.
        assertEquals(List.of("Berlin", "Bitar", "AN", "Ivan Drozd", "Anna Kovalenko"), d.gold().stream().map(ConllDocuments.Gold::text).toList());
        assertEquals(List.of("LOC", "PER", "ORG", "PER", "PER"), d.gold().stream().map(ConllDocuments.Gold::type).toList());
        assertEquals("Second story", docs.get(1).headline());
        assertTrue(docs.get(1).paragraphs().isEmpty());
    }

    @Test
    void aLineThatIsNoTokenLineIsAnErrorWithItsNumber() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> ConllDocuments.read(List.of("Berlin NNP I-NP I-LOC", "Berlin,Germany")));
        assertEquals("line 2: not a CoNLL token line (word ... tag): Berlin,Germany", e.getMessage());
    }
}
