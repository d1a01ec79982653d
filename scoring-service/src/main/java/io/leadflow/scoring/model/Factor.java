package io.leadflow.scoring.model;

/**
 * One feature's part in a lead's score: a readable name ({@code Lead Source = Reference},
 * {@code TotalVisits in [3, 5)}) and its signed contribution to the log-odds of conversion.
 */
public record Factor(String feature, double weight) {
}
