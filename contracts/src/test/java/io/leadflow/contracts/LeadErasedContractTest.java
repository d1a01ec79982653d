package io.leadflow.contracts;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** LeadErased must never carry the data it asks every service to erase. */
class LeadErasedContractTest {

    private static final ObjectMapper MAPPER = new ObjectMapper();

    @Test
    void anyPropertyBeyondTheIdsAndTimesIsRejected() throws Exception {
        ObjectNode event = (ObjectNode) MAPPER.readTree(EventContracts.example("LeadErased"));
        event.put("email", "ada@acme-robotics.com");
        assertThat(EventContracts.violations("LeadErased", event.toString())).anySatisfy(v -> assertThat(v).contains("email"));
    }

    @Test
    void theRequestReferenceIsOptional() throws Exception {
        ObjectNode event = (ObjectNode) MAPPER.readTree(EventContracts.example("LeadErased"));
        event.remove("requestReference");
        assertThat(EventContracts.violations("LeadErased", event.toString())).isEmpty();
        event.putNull("requestReference");
        assertThat(EventContracts.violations("LeadErased", event.toString())).isEmpty();
    }
}
