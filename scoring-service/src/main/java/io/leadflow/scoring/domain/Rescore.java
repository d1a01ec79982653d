package io.leadflow.scoring.domain;

/**
 * What re-scoring every lead by a newly active rule set did: how many leads were re-scored, how many got a new score
 * or grade (one LeadScored each), how many became MQLs for the first time, and how long it took.
 */
public record Rescore(String ruleSetVersion, int leads, int changed, int newlyQualified, long tookMs) {
}
