package io.leadflow.scoring.domain;

/** One rule that fired: its name, its points and what in the lead made it fire. */
public record Reason(String rule, int points, String evidence) {
}
