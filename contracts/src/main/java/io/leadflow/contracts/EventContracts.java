package io.leadflow.contracts;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.networknt.schema.JsonSchema;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.SchemaValidatorsConfig;
import com.networknt.schema.SpecVersion;
import com.networknt.schema.ValidationMessage;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The event contracts of the platform, read from the JSON Schemas and examples shipped in this
 * module ({@code leadflow/contracts/schemas/<EventType>.schema.json}).
 */
public final class EventContracts {

    /** Every event type that has a contract, in the order of the lead's journey. */
    public static final List<String> EVENT_TYPES = List.of(
            "LeadCaptured", "LeadResubmitted", "LeadOptedOut", "LeadEngaged", "LeadEnriched", "LeadScored", "LeadMarketingQualified", "LeadAssigned",
            "LeadAccepted", "LeadTouched", "LeadQualified", "LeadDisqualified", "LeadNurtured", "LeadReassigned", "LeadUnmatched", "SlaAtRisk", "SlaBreached", "SlaEscalated", "SlaAttemptsExhausted", "OpportunityCreated", "OpportunityClosed", "OpportunityStageChanged", "LeadRecycled", "CrmSyncFailed", "LeadErased");

    private static final String ROOT = "/leadflow/contracts/";
    private static final ObjectMapper MAPPER = new ObjectMapper();
    private static final JsonSchemaFactory FACTORY = JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V202012);
    // Formats (uuid, date-time, email) are assertions here, not annotations: a producer that
    // writes "yesterday" as a timestamp must fail its contract test.
    private static final SchemaValidatorsConfig CONFIG = SchemaValidatorsConfig.builder()
            .formatAssertionsEnabled(true)
            .build();
    private static final Map<String, JsonSchema> SCHEMAS = new ConcurrentHashMap<>();

    private EventContracts() {
    }

    /** Returns the violations of {@code json} against the contract of {@code eventType}; empty when valid. */
    public static List<String> violations(String eventType, String json) {
        JsonNode node;
        try {
            node = MAPPER.readTree(json);
        } catch (JsonProcessingException e) {
            return List.of("not JSON: " + e.getOriginalMessage());
        }
        return schema(eventType).validate(node).stream()
                .map(ValidationMessage::getMessage)
                .sorted()
                .toList();
    }

    /** The topic an event type is published on, as declared by its schema's {@code x-topic}. */
    public static String topicOf(String eventType) {
        return schema(eventType).getSchemaNode().path("x-topic").asText();
    }

    /** The example payload of an event type, as JSON text. */
    public static String example(String eventType) {
        return read(ROOT + "examples/" + eventType + ".json");
    }

    /** The JSON Schema of an event type, as JSON text. */
    public static String schemaText(String eventType) {
        return read(ROOT + "schemas/" + eventType + ".schema.json");
    }

    private static JsonSchema schema(String eventType) {
        if (!EVENT_TYPES.contains(eventType)) {
            throw new IllegalArgumentException("no contract for event type " + eventType);
        }
        return SCHEMAS.computeIfAbsent(eventType, type -> FACTORY.getSchema(schemaText(type), CONFIG));
    }

    private static String read(String resource) {
        try (InputStream in = EventContracts.class.getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalArgumentException("missing contract resource " + resource);
            }
            return new String(in.readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
