package io.wiretag.story;

import com.fasterxml.jackson.databind.JsonNode;
import com.networknt.schema.JsonSchema;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.SchemaLocation;
import com.networknt.schema.SchemaValidatorsConfig;
import com.networknt.schema.SpecVersion;
import com.networknt.schema.ValidationMessage;
import java.util.List;
import java.util.Set;

/** The shipped JSON Schemas, loaded from the classpath as a downstream consumer would use them. */
public final class Schemas {
    private static final JsonSchemaFactory FACTORY = JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V202012,
            b -> b.schemaMappers(m -> m.mapPrefix("https://wiretag.io/schema/", "classpath:schema/")));
    private static final SchemaValidatorsConfig CONFIG = SchemaValidatorsConfig.builder().formatAssertionsEnabled(true).build();
    public static final JsonSchema STORY = FACTORY.getSchema(SchemaLocation.of("https://wiretag.io/schema/story.schema.json"), CONFIG);
    public static final JsonSchema TAGGED = FACTORY.getSchema(SchemaLocation.of("https://wiretag.io/schema/tagged-story.schema.json"), CONFIG);

    private Schemas() {
    }

    /** The schema's complaints about this JSON, as readable lines; empty when it conforms. */
    public static List<String> problems(JsonSchema schema, JsonNode json) {
        Set<ValidationMessage> messages = schema.validate(json);
        return messages.stream().map(ValidationMessage::getMessage).sorted().toList();
    }

    public static List<String> problems(JsonSchema schema, Object value) {
        return problems(schema, Json.MAPPER.valueToTree(value));
    }
}
