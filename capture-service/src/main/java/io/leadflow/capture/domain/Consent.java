package io.leadflow.capture.domain;

/** What the person agreed to, in the words and version of the form they saw. */
public record Consent(Boolean marketing, String text, String version) {

    /** The consent stored in three columns, or null when none was given. */
    public static Consent ofColumns(Boolean marketing, String text, String version) {
        return marketing == null && text == null && version == null ? null : new Consent(marketing, text, version);
    }
}
