package io.leadflow.routing.repository;

import io.leadflow.routing.domain.OutOfOfficePeriod;
import io.quarkus.hibernate.reactive.panache.PanacheRepositoryBase;
import io.quarkus.panache.common.Sort;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;

import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.UUID;

@ApplicationScoped
public class OutOfOfficeRepository implements PanacheRepositoryBase<OutOfOfficePeriod, UUID> {

    /** Every period of the SDR, past ones included, by start. */
    public Uni<List<OutOfOfficePeriod>> ofSdr(String sdrId) {
        return list("sdrId", Sort.by("startsAt").and("id"), sdrId);
    }

    /** The periods of these SDRs that overlap {@code [from, to)}, by start. */
    public Uni<List<OutOfOfficePeriod>> overlapping(Collection<String> sdrIds, Instant from, Instant to) {
        if (sdrIds.isEmpty()) {
            return Uni.createFrom().item(List.of());
        }
        return list("sdrId in ?1 and endsAt > ?2 and startsAt < ?3", Sort.by("startsAt").and("id"), sdrIds, from, to);
    }

    /** The periods of these SDRs that have not ended at the instant (current and future): what a decision needs. */
    public Uni<List<OutOfOfficePeriod>> notEndedAt(Collection<String> sdrIds, Instant at) {
        return overlapping(sdrIds, at, Instant.parse("9999-12-31T00:00:00Z"));
    }
}
