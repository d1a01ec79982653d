package io.leadflow.crm.domain;

import io.leadflow.web.FieldError;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;

/**
 * A request to close an opportunity, checked: the outcome is WON or LOST, a loss needs a reason,
 * an amount is never negative. Pure logic; every problem is reported at once.
 */
public record Closing(Outcome outcome, String reason, BigDecimal amount) {

    public static final int MAX_REASON = 500;

    /** The checked closing, or every reason the request cannot be one. */
    public record Result(Closing closing, List<FieldError> errors) {
        public boolean valid() {
            return errors.isEmpty();
        }
    }

    public static Result of(String outcome, String reason, BigDecimal amount) {
        List<FieldError> errors = new ArrayList<>();
        Outcome parsed = null;
        if (outcome == null || outcome.isBlank()) {
            errors.add(new FieldError("outcome", "is required: WON or LOST"));
        } else {
            try {
                parsed = Outcome.valueOf(outcome.trim());
            } catch (IllegalArgumentException e) {
                errors.add(new FieldError("outcome", "must be WON or LOST"));
            }
        }
        String trimmed = reason == null || reason.isBlank() ? null : reason.trim();
        if (parsed == Outcome.LOST && trimmed == null) {
            errors.add(new FieldError("reason", "is required when the outcome is LOST"));
        }
        if (trimmed != null && trimmed.length() > MAX_REASON) {
            errors.add(new FieldError("reason", "must be at most " + MAX_REASON + " characters"));
        }
        if (amount != null && amount.signum() < 0) {
            errors.add(new FieldError("amount", "must be zero or more"));
        }
        if (amount != null && amount.stripTrailingZeros().scale() > 2) {
            errors.add(new FieldError("amount", "must have at most two decimals"));
        }
        if (amount != null && amount.abs().compareTo(new BigDecimal("999999999999.99")) > 0) {
            errors.add(new FieldError("amount", "must be below one trillion"));
        }
        return errors.isEmpty()
                ? new Result(new Closing(parsed, trimmed, amount), List.of())
                : new Result(null, List.copyOf(errors));
    }
}
