package io.leadflow.scoring.domain;

import java.util.List;

/** A lead's score (0-100), its grade and every reason behind it. */
public record ScoreCard(int value, String grade, String ruleSetVersion, List<Reason> reasons) {
}
