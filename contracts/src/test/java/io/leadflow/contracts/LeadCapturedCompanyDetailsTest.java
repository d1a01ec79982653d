package io.leadflow.contracts;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * What a person says about where they are and about their company (state, website, industry, employees, revenue) is
 * optional free text: events from before these fields existed stay valid, and each has the capture's maximum length.
 */
class LeadCapturedCompanyDetailsTest {

    private static final ObjectMapper MAPPER = new ObjectMapper();
    private static final List<String> DETAILS = List.of("state", "website", "industry", "employees", "revenue");

    @ParameterizedTest
    @ValueSource(strings = {"LeadCaptured", "LeadResubmitted"})
    void anEventWithoutTheDetailsOrWithThemNullIsValid(String eventType) throws Exception {
        ObjectNode without = (ObjectNode) MAPPER.readTree(EventContracts.example(eventType));
        ObjectNode nulls = without.deepCopy();
        for (ObjectNode person : people(eventType, without)) {
            DETAILS.forEach(person::remove);
        }
        for (ObjectNode person : people(eventType, nulls)) {
            DETAILS.forEach(person::putNull);
        }

        assertThat(EventContracts.violations(eventType, without.toString())).isEmpty();
        assertThat(EventContracts.violations(eventType, nulls.toString())).isEmpty();
    }

    @ParameterizedTest
    @CsvSource({"state, 100", "website, 2048", "industry, 100", "employees, 50", "revenue, 50"})
    void eachDetailHasTheCapturesMaximumLength(String detail, int max) throws Exception {
        ObjectNode captured = (ObjectNode) MAPPER.readTree(EventContracts.example("LeadCaptured"));

        assertThat(EventContracts.violations("LeadCaptured", captured.put(detail, "é".repeat(max)).toString())).isEmpty();
        assertThat(EventContracts.violations("LeadCaptured", captured.put(detail, "é".repeat(max + 1)).toString()))
                .anySatisfy(v -> assertThat(v).contains(detail));
        ObjectNode resubmitted = (ObjectNode) MAPPER.readTree(EventContracts.example("LeadResubmitted"));
        ((ObjectNode) resubmitted.get("lead")).put(detail, "x".repeat(max + 1));
        assertThat(EventContracts.violations("LeadResubmitted", resubmitted.toString()))
                .anySatisfy(v -> assertThat(v).contains(detail));
    }

    @ParameterizedTest
    @ValueSource(strings = {"filledFields", "conflictingFields"})
    void aResubmissionMayFillOrDisagreeOnEachDetail(String list) throws Exception {
        ObjectNode resubmitted = (ObjectNode) MAPPER.readTree(EventContracts.example("LeadResubmitted"));
        resubmitted.putArray(list).addAll(DETAILS.stream().map(MAPPER.getNodeFactory()::textNode).toList());

        assertThat(EventContracts.violations("LeadResubmitted", resubmitted.toString())).isEmpty();
    }

    /** Where an event of this type carries the person's details: LeadResubmitted has what was sent and the lead. */
    private static List<ObjectNode> people(String eventType, ObjectNode event) {
        return eventType.equals("LeadCaptured") ? List.of(event)
                : List.of((ObjectNode) event.get("submission"), (ObjectNode) event.get("lead"));
    }
}
