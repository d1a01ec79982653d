package io.leadflow.crm.domain;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class AccountMatchTest {

    @ParameterizedTest(name = "{0} / {1} ({3}, company domain {4}) -> {5} named {6}")
    @CsvSource(nullValues = "null", value = {
            // company,        email,                    emailDomain,          emailClass,   companyDomain,        domain,               name
            "Acme Robotics,    ada@acme-robotics.com,    acme-robotics.com,    business,     acme-robotics.com,    acme-robotics.com,    Acme Robotics",
            "Acme Robotics,    ada@gmail.com,            gmail.com,            personal,     acme-robotics.com,    acme-robotics.com,    Acme Robotics",
            "null,             ada@Acme-Robotics.COM,    Acme-Robotics.COM,    business,     null,                 acme-robotics.com,    acme-robotics.com",
            "'  Initech  ',    bill@initech.com,         null,                 business,     null,                 initech.com,          Initech",
            "Initech,          peter@gmail.com,          gmail.com,            personal,     null,                 null,                 Initech",
            "Initech,          temp@mailinator.com,      mailinator.com,       disposable,   null,                 null,                 Initech",
            "null,             peter@gmail.com,          gmail.com,            personal,     null,                 null,                 Peter Gibbons",
            "Globex,           hank@globex.com,          globex.com,           null,         www.Globex.com.,      globex.com,           Globex",
    })
    void theAccountIsKeyedByTheCompanyDomainNeverByAFreeMailDomain(String company, String email, String emailDomain,
                                                                   String emailClass, String companyDomain,
                                                                   String domain, String name) {
        AccountMatch match = AccountMatch.of(company, email, "Peter", "Gibbons", emailDomain, emailClass, companyDomain);
        assertThat(match.domain()).isEqualTo(domain);
        assertThat(match.name()).isEqualTo(name);
    }

    @Test
    void aPersonWithoutNameOrCompanyGivesTheAccountTheirAddress() {
        assertThat(AccountMatch.of(null, "Anon@Gmail.com", null, " ", "gmail.com", "personal", null).name())
                .isEqualTo("anon@gmail.com");
    }

    @Test
    void theOpportunityIsNamedAfterTheCompanyElseTheAccount() {
        assertThat(AccountMatch.opportunityName("Acme Robotics", "acme-robotics.com")).isEqualTo("Acme Robotics - new business");
        assertThat(AccountMatch.opportunityName(null, "acme-robotics.com")).isEqualTo("acme-robotics.com - new business");
        assertThat(AccountMatch.opportunityName(" ", "Peter Gibbons")).isEqualTo("Peter Gibbons - new business");
    }
}
