package io.leadflow.scoring.model;

/** How a lead attribute becomes features. */
public enum AttributeType {
    /** A label (lead source, country): one-hot over the values seen often enough. */
    CATEGORICAL,
    /** A measurement (time on site): standardised, log-scaled when heavy-tailed, optionally binned. */
    NUMERIC,
    /** A non-negative count (visits): always log1p-scaled, since outliers reach a hundred times the median. */
    COUNT
}
