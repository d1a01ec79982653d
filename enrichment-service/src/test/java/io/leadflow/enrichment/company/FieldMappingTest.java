package io.leadflow.enrichment.company;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.leadflow.enrichment.domain.CompanyFacts;
import org.junit.jupiter.api.Test;

import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class FieldMappingTest {

    private final ObjectMapper mapper = new ObjectMapper();

    @Test
    void readsEachFieldAtItsPointerNumbersAsTextAndAbsentOrNullAsUnknown() throws Exception {
        FieldMapping mapping = FieldMapping.of(Map.of("name", "/name", "industry", "/category/industry",
                "employees", "/metrics/employees", "revenue", "/metrics/annualRevenue", "country", "/geo/countryCode"));

        CompanyFacts facts = mapping.read(mapper.readTree("""
                {"name": " Acme Robotics ", "category": {"industry": "Machinery"},
                 "metrics": {"employees": 250, "annualRevenue": null}, "geo": {}}"""));

        assertThat(facts).isEqualTo(new CompanyFacts("Acme Robotics", null, "Machinery", "250", null, null));
    }

    @Test
    void anAnswerThatIsNotAnObjectOrHasAnObjectWhereTextIsExpectedIsMalformed() throws Exception {
        FieldMapping mapping = FieldMapping.of(Map.of("name", "/name"));

        assertThatThrownBy(() -> mapping.read(mapper.readTree("[1, 2]")))
                .isInstanceOf(FieldMapping.MalformedAnswerException.class).hasMessageContaining("not a JSON object");
        assertThatThrownBy(() -> mapping.read(mapper.readTree("{\"name\": {\"legal\": \"Acme\"}}")))
                .isInstanceOf(FieldMapping.MalformedAnswerException.class).hasMessageContaining("name at /name is OBJECT");
    }

    @Test
    void aMappingNamingAnUnknownFieldOrABadPointerIsRefusedWithTheSetting() {
        assertThatThrownBy(() -> FieldMapping.of(Map.of("ceo", "/ceo")))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("fields.ceo: unknown company field");
        assertThatThrownBy(() -> FieldMapping.of(Map.of("name", "name")))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("fields.name: must be a JSON Pointer");
        assertThatThrownBy(() -> FieldMapping.of(Map.of()))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("map at least one");
    }
}
