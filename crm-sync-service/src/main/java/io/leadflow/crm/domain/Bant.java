package io.leadflow.crm.domain;

/** The SDR's qualification answers: budget, authority, need, timeline. Stored with the opportunity as JSON. */
public record Bant(String budget, String authority, String need, String timeline) {
}
