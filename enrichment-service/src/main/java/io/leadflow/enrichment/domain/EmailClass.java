package io.leadflow.enrichment.domain;

/** What an e-mail address says about the lead: a work address, a personal webmail, or a throw-away. */
public enum EmailClass {
    BUSINESS("business"), PERSONAL("personal"), DISPOSABLE("disposable");

    private final String wireName;

    EmailClass(String wireName) {
        this.wireName = wireName;
    }

    public String wireName() {
        return wireName;
    }
}
