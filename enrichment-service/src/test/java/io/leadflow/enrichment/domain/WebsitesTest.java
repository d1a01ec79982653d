package io.leadflow.enrichment.domain;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import static org.assertj.core.api.Assertions.assertThat;

class WebsitesTest {

    @ParameterizedTest
    @CsvSource(delimiter = ';', nullValues = "NULL", value = {
            "https://www.Acme.com/fr?x; acme.com", "acme.com; acme.com", "ACME.COM; acme.com", "www.acme.com; acme.com",
            "http://acme.com:8080/path#top; acme.com", "acme.com:443; acme.com", "//acme.com/x; acme.com",
            "https://user:secret@shop.acme.co.uk/; shop.acme.co.uk", "ada@acme-robotics.com; acme-robotics.com",
            "mailto:ada@Acme.fr; acme.fr", "  www2.acme.io  ; acme.io", "eu.acme.com.; eu.acme.com",
            "https://www.bücher.de; xn--bcher-kva.de", "xn--bcher-kva.de; xn--bcher-kva.de", "例え.jp; xn--r8jz45g.jp",
            "acme.com?utm=1; acme.com", "ftp://files.acme.com; files.acme.com",
            // not a domain
            "NULL; NULL", "''; NULL", "   ; NULL", "acme; NULL", "localhost:8080; NULL", "http://192.168.0.1/; NULL",
            "https://[::1]/; NULL", "acme .com; NULL", "acme..com; NULL", "-acme.com; NULL", "acme_corp.com; NULL",
            "co.uk; NULL", "www.co.uk; NULL", "acme.c0m; NULL", "n/a; NULL", "https://; NULL",
    })
    void domainOf(String typed, String domain) {
        assertThat(Websites.domainOf(typed)).isEqualTo(domain);
    }

    @ParameterizedTest
    @CsvSource(delimiter = ';', nullValues = "NULL", value = {
            "eu.acme.com; acme.com", "a.b.acme.com; b.acme.com", "acme.com; NULL", "shop.acme.co.uk; acme.co.uk",
            "acme.co.uk; NULL",
    })
    void parentOf(String domain, String parent) {
        assertThat(Websites.parentOf(domain)).isEqualTo(parent);
    }
}
