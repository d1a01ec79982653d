package io.leadflow.enrichment.domain;

import java.util.List;
import java.util.Optional;

/**
 * What {@link AccountIndex#lookup} found: one account, several nearly equally good ones (then none is chosen, and the
 * rivals are here for a human or a rule to decide), or nothing good enough.
 *
 * @param outcome the kind of answer
 * @param match   the account, only when {@code MATCHED}
 * @param rivals  when {@code AMBIGUOUS}, the accounts within the margin of one another, best first, each with the
 *                reason {@code ambiguous}; empty otherwise
 */
public record AccountLookup(Outcome outcome, AccountMatch match, List<AccountMatch> rivals) {

    public enum Outcome {
        MATCHED, AMBIGUOUS, NONE
    }

    static final AccountLookup NONE = new AccountLookup(Outcome.NONE, null, List.of());

    public AccountLookup {
        rivals = List.copyOf(rivals);
    }

    static AccountLookup matched(AccountMatch match) {
        return new AccountLookup(Outcome.MATCHED, match, List.of());
    }

    static AccountLookup ambiguous(List<AccountMatch> rivals) {
        return new AccountLookup(Outcome.AMBIGUOUS, null, rivals);
    }

    /** The account, when exactly one was good enough. */
    public Optional<AccountMatch> matched() {
        return Optional.ofNullable(match);
    }

    public boolean ambiguous() {
        return outcome == Outcome.AMBIGUOUS;
    }
}
