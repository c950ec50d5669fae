package org.bothy.kernel.contract;

import com.fasterxml.jackson.databind.JsonNode;
import com.networknt.schema.JsonMetaSchema;
import com.networknt.schema.JsonSchema;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.NonValidationKeyword;
import com.networknt.schema.PathType;
import com.networknt.schema.SchemaValidatorsConfig;
import com.networknt.schema.SpecVersion;
import com.networknt.schema.ValidationMessage;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/** Checks a payload against its contract version's JSON Schema (draft 2020-12, formats asserted). */
public final class ContractSchemas {

    /** The keyword that marks a free-text property as written for sharing (it annotates; it does not validate). */
    public static final String SHARED_TEXT = "x-bothy-shared-text";

    // Draft 2020-12 as it is, plus our annotation keyword, so the validator knows it rather than warning about it.
    private static final JsonMetaSchema META_SCHEMA = JsonMetaSchema.builder(JsonMetaSchema.getV202012())
            .keyword(new NonValidationKeyword(SHARED_TEXT))
            .build();
    private static final JsonSchemaFactory FACTORY = JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V202012,
            builder -> builder.metaSchema(META_SCHEMA));
    private static final SchemaValidatorsConfig CONFIG = SchemaValidatorsConfig.builder()
            .formatAssertionsEnabled(true)
            .locale(Locale.ROOT)
            // "$.level" reads better in a dead-letter header than a JSON pointer.
            .pathType(PathType.JSON_PATH)
            .build();
    private static final Map<String, JsonSchema> CACHE = new ConcurrentHashMap<>();
    // Looked up on every payload read or written: by the contract version itself, without making its resource name.
    private static final Map<ContractType, JsonSchema> BY_TYPE = new ConcurrentHashMap<>();

    private ContractSchemas() {
    }

    /** The reasons the payload does not match the schema, sorted; empty when it matches. */
    public static List<String> problems(ContractType type, JsonNode payload) {
        Set<ValidationMessage> messages = schema(type).validate(payload);
        if (messages.isEmpty()) {
            return List.of();
        }
        return messages.stream()
                .map(ValidationMessage::getMessage)
                .sorted()
                .toList();
    }

    /** The schema document itself, e.g. to serve it at its dataschema URI. */
    public static JsonNode document(ContractType type) {
        return schema(type).getSchemaNode();
    }

    private static JsonSchema schema(ContractType type) {
        return BY_TYPE.computeIfAbsent(type, version -> CACHE.computeIfAbsent(version.schemaResource(), ContractSchemas::load));
    }

    private static JsonSchema load(String resource) {
        try (InputStream in = ContractSchemas.class.getClassLoader().getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException("contract schema missing from the classpath: " + resource);
            }
            return FACTORY.getSchema(ContractJson.mapper().readTree(in), CONFIG);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read contract schema " + resource, e);
        }
    }
}
