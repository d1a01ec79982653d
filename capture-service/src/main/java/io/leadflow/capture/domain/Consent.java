package io.leadflow.capture.domain;

/** What the person agreed to, in the words and version of the form they saw. */
public record Consent(Boolean marketing, String text, String version) {
}
