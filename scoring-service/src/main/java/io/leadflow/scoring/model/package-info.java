/**
 * The learnt conversion model: plain Java, no framework, no I/O except the evaluation harness.
 * <p>
 * A lead is a map of attributes (String for labels, numbers for measures; missing ones absent).
 * {@link io.leadflow.scoring.model.Features} learns how to encode them from training leads:
 * one-hot over values seen at least {@code minCount} times (rarer ones pool into {@code __other__},
 * blanks and placeholders such as {@code Select} into {@code __missing__}, case ignored);
 * numbers log1p-scaled when counts or right-skewed, clipped to the central 99%, standardised,
 * with a missing indicator and, optionally, equal-frequency bins (the effect of time on site on
 * conversion is not linear: binning adds about 0.008 AUC on X Education) and slope changes at the
 * bins' edges (piecewise linear). {@link io.leadflow.scoring.model.Features#withInteractions} adds
 * a feature per frequent combination of two attributes' levels ({@code Lead Origin = API ×
 * Occupation = Student}).
 * <p>
 * The leakage guard: {@link io.leadflow.scoring.model.FeatureSpec#excluded()} attributes never
 * become features. Fields the sales team fills after contacting the lead describe the outcome;
 * learning from them gives a model that looks excellent offline and is blind on a new lead. On
 * X Education, keeping {@code Last Activity} alone lifts cross-validated AUC from 0.87 to 0.90.
 * The shipped mapping ({@code leadflow/scoring/xeducation-mapping.json}) lists each excluded
 * column with its reason.
 * <p>
 * Two {@link io.leadflow.scoring.model.ConversionModel}s: {@link io.leadflow.scoring.model.LogisticRegression}
 * (batch by Newton's method, then online updates one outcome at a time) and the
 * {@link io.leadflow.scoring.model.NaiveBayes} baseline. Both are immutable (learning returns a
 * new model), explain a score as signed log-odds {@link io.leadflow.scoring.model.Factor}s, and
 * are stored as JSON by {@link io.leadflow.scoring.model.ModelJson}.
 * {@link io.leadflow.scoring.model.Evaluation} measures them (AUC, log-loss, Brier, calibration)
 * and decides whether a challenger replaces the champion; {@link io.leadflow.scoring.model.Evaluator}
 * cross-validates both on a CSV described by a {@link io.leadflow.scoring.model.LeadMapping}.
 * <p>
 * {@link io.leadflow.scoring.model.ConversionTuning} makes every choice for logistic regression by
 * cross-validation inside the outcomes it trains on: slope changes or not, the L2 strengths, and
 * which interactions to keep, ranked by {@link io.leadflow.scoring.model.InteractionSearch} over
 * every pair of attributes (none is named in code). Evaluator and the service's
 * {@link io.leadflow.scoring.model.Training} call it inside each training fold, so the held-out
 * figures include the cost of those choices.
 */
package io.leadflow.scoring.model;
