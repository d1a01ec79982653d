package io.leadflow.contracts;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** LeadQualified with qualification templates: framework and answers, and bant kept for BANT (an additive change). */
class LeadQualifiedContractTest {

    private static final ObjectMapper MAPPER = new ObjectMapper();

    private static ObjectNode example() throws Exception {
        return (ObjectNode) MAPPER.readTree(EventContracts.example("LeadQualified"));
    }

    private static ObjectNode meddic() throws Exception {
        ObjectNode event = example();
        event.remove("bant");
        ObjectNode qualification = event.putObject("qualification").put("framework", "meddic");
        qualification.putObject("answers").put("metrics", "Cut lead response from 1 day to 5 minutes")
                .put("economicBuyer", "CFO Grace Hopper").put("champion", "VP Sales Ada");
        return event;
    }

    @Test
    void aMeddicQualificationNeedsNoBant() throws Exception {
        assertThat(EventContracts.violations("LeadQualified", meddic().toString())).isEmpty();
    }

    @Test
    void anEventFromBeforeTemplatesWithBantAloneStillSatisfiesTheContract() throws Exception {
        ObjectNode event = example();
        event.remove("qualification");
        assertThat(EventContracts.violations("LeadQualified", event.toString())).isEmpty();
    }

    @Test
    void aBantQualificationMustAlsoCarryBantForTheConsumersThatReadIt() throws Exception {
        ObjectNode event = example();
        event.remove("bant");
        assertThat(EventContracts.violations("LeadQualified", event.toString())).anySatisfy(v -> assertThat(v).contains("bant"));
    }

    @Test
    void anEventWithNeitherQualificationNorBantIsRejected() throws Exception {
        ObjectNode event = meddic();
        event.remove("qualification");
        assertThat(EventContracts.violations("LeadQualified", event.toString())).isNotEmpty();
    }

    @Test
    void answersAreTextUnderCamelCaseKeysWithinTheLimit() throws Exception {
        ObjectNode number = meddic();
        ((ObjectNode) number.at("/qualification/answers")).put("metrics", 42);
        ObjectNode badKey = meddic();
        ((ObjectNode) badKey.at("/qualification/answers")).put("Economic Buyer", "CFO");
        ObjectNode tooLong = meddic();
        ((ObjectNode) tooLong.at("/qualification/answers")).put("metrics", "m".repeat(5001));
        ObjectNode noFramework = meddic();
        ((ObjectNode) noFramework.get("qualification")).remove("framework");

        for (ObjectNode event : new ObjectNode[]{number, badKey, tooLong, noFramework}) {
            assertThat(EventContracts.violations("LeadQualified", event.toString())).as(event.get("qualification").toString())
                    .anySatisfy(v -> assertThat(v).contains("qualification"));
        }
    }
}
