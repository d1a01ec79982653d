package io.leadflow.enrichment.company;

import com.fasterxml.jackson.core.JsonPointer;
import com.fasterxml.jackson.databind.JsonNode;
import io.leadflow.enrichment.domain.CompanyFacts;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;

/**
 * Where each company field is in a provider's JSON answer, as JSON Pointers (RFC 6901): {@code name=/name},
 * {@code employees=/metrics/employees}. A field the answer lacks, or holds null, is unknown; a number is read as text
 * ("250" employees); an object or array where text is expected makes the answer malformed.
 */
public final class FieldMapping {

    public static final Set<String> FIELDS = Set.of("name", "domain", "industry", "employees", "revenue", "country");

    private final Map<String, JsonPointer> pointers;

    private FieldMapping(Map<String, JsonPointer> pointers) {
        this.pointers = pointers;
    }

    /** @throws IllegalArgumentException naming the field when a name is unknown or a pointer is not one */
    public static FieldMapping of(Map<String, String> fields) {
        if (fields.isEmpty()) {
            throw new IllegalArgumentException("fields: map at least one of " + FIELDS);
        }
        Map<String, JsonPointer> pointers = new LinkedHashMap<>();
        fields.forEach((field, pointer) -> {
            if (!FIELDS.contains(field)) {
                throw new IllegalArgumentException("fields." + field + ": unknown company field; known: " + FIELDS);
            }
            if (pointer == null || !pointer.startsWith("/")) {
                throw new IllegalArgumentException("fields." + field + ": must be a JSON Pointer such as /company/name");
            }
            pointers.put(field, JsonPointer.compile(pointer));
        });
        return new FieldMapping(pointers);
    }

    /** @throws MalformedAnswerException when the answer is not an object or a field holds an object or array */
    public CompanyFacts read(JsonNode answer) {
        if (answer == null || !answer.isObject()) {
            throw new MalformedAnswerException("the answer is not a JSON object");
        }
        return new CompanyFacts(text(answer, "name"), text(answer, "domain"), text(answer, "industry"),
                text(answer, "employees"), text(answer, "revenue"), text(answer, "country"));
    }

    private String text(JsonNode answer, String field) {
        JsonPointer pointer = pointers.get(field);
        if (pointer == null) {
            return null;
        }
        JsonNode value = answer.at(pointer);
        if (value.isMissingNode() || value.isNull()) {
            return null;
        }
        if (!value.isValueNode()) {
            throw new MalformedAnswerException(field + " at " + pointer + " is " + value.getNodeType() + ", not text or a number");
        }
        String text = value.asText().strip();
        return text.isEmpty() ? null : text.length() > 200 ? text.substring(0, 200) : text;
    }

    /** The provider answered something this mapping cannot read: not worth retrying, counted by the circuit breaker. */
    public static class MalformedAnswerException extends RuntimeException {
        public MalformedAnswerException(String message) {
            super(message);
        }
    }
}
