package io.wiretag.tagging;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import java.util.List;

/**
 * Text that looks like an entity but is not one: {@code phrases} that never tag anything ("Michael
 * Jordan", "Washington Post") and, as longest match, hide the shorter alias inside them; {@code senses}
 * that compete as "no entity" for an ambiguous name ("Turkey" near "Thanksgiving").
 */
@JsonPropertyOrder({"id", "note", "phrases", "senses"})
@JsonInclude(JsonInclude.Include.NON_EMPTY)
public record IgnoreDef(String id, String note, List<String> phrases, List<EntityDef.Ambiguous> senses) {
    public IgnoreDef {
        phrases = phrases == null ? List.of() : List.copyOf(phrases);
        senses = senses == null ? List.of() : List.copyOf(senses);
    }
}
