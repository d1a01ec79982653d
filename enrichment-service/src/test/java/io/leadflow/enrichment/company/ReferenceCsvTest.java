package io.leadflow.enrichment.company;

import io.leadflow.enrichment.domain.CompanyFacts;
import io.leadflow.web.FieldError;
import org.junit.jupiter.api.Test;

import java.io.InputStreamReader;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;

import static org.assertj.core.api.Assertions.assertThat;

class ReferenceCsvTest {

    @Test
    void readsColumnsInAnyOrderNormalisingTheDomainAndTheCountry() {
        ReferenceCsv.Parsed parsed = ReferenceCsv.parse(new StringReader("""
                Country,Domain,Name,Employees
                fr,https://www.Globex.example.com/fr,"Globex, SA",1k+
                ,initech.example.com,Initech,
                """));

        assertThat(parsed.errors()).isEmpty();
        assertThat(parsed.companies()).containsOnlyKeys("globex.example.com", "initech.example.com");
        assertThat(parsed.companies().get("globex.example.com"))
                .isEqualTo(new CompanyFacts("Globex, SA", "globex.example.com", null, "1k+", null, "FR"));
        assertThat(parsed.companies().get("initech.example.com").country()).isNull();
    }

    @Test
    void namesTheLineAndFieldOfEachBadRow() {
        ReferenceCsv.Parsed parsed = ReferenceCsv.parse(new StringReader("""
                domain,name,country
                not a domain,Acme,GB
                acme.com,Acme,Great Britain
                ok.example.com,Ok,US
                """));

        assertThat(parsed.errors()).containsExactly(
                new FieldError("line 2: domain", "must be a domain such as acme.com"),
                new FieldError("line 3: country", "must be an ISO 3166 alpha-2 code such as FR"));
    }

    @Test
    void refusesAFileWithoutADomainColumnOrWithAnUnknownColumn() {
        assertThat(ReferenceCsv.parse(new StringReader("name,ceo\nAcme,Wile\n")).errors()).extracting(FieldError::reason)
                .containsExactly("unknown column ceo; known: " + ReferenceCsv.COLUMNS, "a domain column is required");
    }

    @Test
    void theShippedDemoFileParses() {
        ReferenceCsv.Parsed parsed = ReferenceCsv.parse(new InputStreamReader(
                getClass().getClassLoader().getResourceAsStream(ReferenceDataLoader.DEMO), StandardCharsets.UTF_8));
        assertThat(parsed.errors()).isEmpty();
        assertThat(parsed.companies()).hasSizeGreaterThanOrEqualTo(20).containsKey("acme-robotics.com");
    }
}
