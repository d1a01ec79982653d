package io.leadflow.enrichment.domain;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import static org.assertj.core.api.Assertions.assertThat;

class EmailDomainsTest {

    private static final EmailDomains DOMAINS = EmailDomains.shipped();

    @ParameterizedTest
    @CsvSource({
            "ada@acme-robotics.com,    business,   acme-robotics.com",
            "ada@gmail.com,            personal,   ",
            "ada@GMX.de,               personal,   ",
            "ada@mailinator.com,       disposable, ",
            "ada@sales.acme-robotics.com, business, sales.acme-robotics.com",
    })
    void classifiesTheAddressAndKeepsTheCompanyDomainOnlyForWorkAddresses(String email, String emailClass, String companyDomain) {
        Enrichment enrichment = Enrichment.of(new Enrichment.Input(email, null, null, null, null, null, null), DOMAINS,
                new JobTitles(TitleWords.shipped()), Geography.shipped());
        assertThat(enrichment.emailClass()).isEqualTo(emailClass);
        assertThat(enrichment.companyDomain()).isEqualTo(companyDomain);
        assertThat(enrichment.emailDomain()).isEqualTo(EmailDomains.domainOf(email));
    }

    @ParameterizedTest
    @CsvSource({"mail.yahoo.co.uk, PERSONAL", "yahoo.co.uk, PERSONAL", "co.uk, BUSINESS"})
    void aListedDomainCoversItsSubdomainsButNotItsParents(String domain, EmailClass expected) {
        assertThat(DOMAINS.classify(domain)).isEqualTo(expected);
    }
}
