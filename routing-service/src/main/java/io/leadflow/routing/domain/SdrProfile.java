package io.leadflow.routing.domain;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * An SDR as the roster API shows them: settings, the pause, out-of-office periods that have not ended,
 * and their {@code status} right now (can they take a lead, why not, when again, what they hold).
 */
public record SdrProfile(String id, String name, String email, boolean active, boolean paused, Instant pausedAt,
                         String pausedBy, String timeZone, Map<String, List<String>> workingHours, List<Holiday> holidays,
                         Integer maxOpenLeads, Integer maxLeadsPerDay, String managerEmail, List<Absence> outOfOffice,
                         Status status, Instant updatedAt) {

    /** An out-of-office period {@code [from, until)}. */
    public record Absence(UUID id, Instant from, Instant until, String note, Instant createdAt, String createdBy) {

        static Absence of(OutOfOfficePeriod period) {
            return new Absence(period.id, period.startsAt, period.endsAt, period.note, period.createdAt, period.createdBy);
        }
    }

    /**
     * At {@code at}: whether a lead could go to them ({@code reason} says why not: {@code paused},
     * {@code outside_working_hours}, {@code at_daily_cap} ...), when they can take one again by the clock
     * alone (null if now, or if only a person or a closed lead can change it), and their load: open leads,
     * leads since their local midnight, the last one's time.
     */
    public record Status(Instant at, boolean available, String reason, Instant availableAgainAt, int openLeads,
                         int leadsToday, Instant lastAssignedAt) {
    }
}
