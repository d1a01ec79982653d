package io.leadflow.routing.domain;

import io.leadflow.routing.distribution.Candidate;
import io.leadflow.routing.distribution.PoolState;
import io.leadflow.routing.distribution.Selection;
import io.leadflow.routing.repository.AssignmentRepository;
import io.leadflow.routing.repository.RosterRepository;
import io.leadflow.routing.repository.SdrPoolRepository;
import io.leadflow.routing.repository.SdrPoolRepository.MemberRow;
import io.leadflow.routing.roster.Availability;
import io.leadflow.routing.roster.Load;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;

import java.time.Instant;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * A pool's {@link PoolState} read for a decision and written back after it, inside the routing
 * transaction. With it, a routing is: {@link #lock}, then
 * {@link io.leadflow.routing.distribution.Distribution#select} at {@link LockedPool#at()}, then the assignment
 * (and the decision record) written, then {@link #store}: one transaction. Used by
 * {@link RoutingService} and the {@link HoldQueue}.
 *
 * <p>Locks, in this order: the pool row (routings of one pool take turns, as today), then the member
 * SDRs' rows in id order ({@code for no key update}: inserting assignments that reference them is not
 * blocked), so that routings of two pools sharing an SDR also take turns on that SDR and a cap holds
 * across pools. Every read comes in a statement after the locks, so it sees what the previous turn
 * committed (a statement's snapshot is taken when it starts, before any wait inside it).
 */
@ApplicationScoped
public class PoolStateStore {

    /**
     * The pool row, its state for the decision, the members' SDR rows (names for the events), and the
     * instant the state is read at: taken once the locks are held, so a routing that waited for its turn
     * decides at the time it decides (and turns are in the order of their instants).
     */
    public record LockedPool(SdrPool pool, PoolState state, Map<String, Sdr> sdrs, Instant at,
                             Map<String, Candidate> named) {

        public LockedPool(SdrPool pool, PoolState state, Map<String, Sdr> sdrs, Instant at) {
            this(pool, state, sdrs, at, Map.of());
        }

        /** A state with the pool's cursor and weights as a decision left them. */
        public LockedPool with(PoolState next) {
            return new LockedPool(pool, next, sdrs, at, named);
        }
    }

    private final SdrPoolRepository pools;
    private final RosterRepository roster;
    private final AssignmentRepository assignments;

    public PoolStateStore(SdrPoolRepository pools, RosterRepository roster, AssignmentRepository assignments) {
        this.pools = pools;
        this.roster = roster;
        this.assignments = assignments;
    }

    /** Locks the pool and its members and reads its state as of now; null if there is no such pool. Needs a transaction. */
    public Uni<LockedPool> lock(String poolId) {
        return lock(poolId, List.of());
    }

    /**
     * Locks the pool, its members and the named SDRs (an account owner, an SDR a rule names: they may be in no pool
     * or another one), all SDR rows together in id order, and reads the state as of now, the named SDRs as
     * {@link LockedPool#named()} candidates. Null if there is no such pool. Needs a transaction.
     */
    public Uni<LockedPool> lock(String poolId, Collection<String> namedSdrIds) {
        return pools.lock(poolId).chain(pool -> pool == null ? Uni.createFrom().nullItem()
                : pools.members(poolId).chain(members -> lockMembers(pool, members, namedSdrIds)));
    }

    /** A pool locked to route one lead, and what the routing must know about that lead first. */
    public record LockedForLead(LockedPool pool, SdrPoolRepository.LeadState lead) {
    }

    /**
     * {@link #lock(String, Collection)} for routing {@code leadId}: the lead's state is read with the
     * members (one round trip less), after the pool's lock, so a concurrent routing of the same lead is seen.
     */
    public Uni<LockedForLead> lockFor(UUID leadId, String poolId, Collection<String> namedSdrIds) {
        return pools.lock(poolId).chain(pool -> pool == null ? Uni.createFrom().nullItem()
                : pools.membersAndLead(poolId, leadId).chain(read -> lockMembers(pool, read.members(), namedSdrIds)
                        .map(locked -> new LockedForLead(locked, read.lead()))));
    }

    private Uni<LockedPool> lockMembers(SdrPool pool, List<MemberRow> members, Collection<String> namedSdrIds) {
        Set<String> ids = new TreeSet<>(namedSdrIds);
        members.forEach(member -> ids.add(member.sdrId()));
        return roster.lockForRouting(List.copyOf(ids)).chain(sdrs -> {
            Instant at = Instant.now().truncatedTo(ChronoUnit.MICROS);
            return read(pool, members, namedSdrIds, sdrs, at);
        });
    }

    private Uni<LockedPool> read(SdrPool pool, List<MemberRow> members, Collection<String> namedSdrIds, List<Sdr> sdrs,
                                 Instant at) {
        Map<String, Sdr> byId = sdrs.stream().collect(Collectors.toMap(sdr -> sdr.id, Function.identity()));
        Map<String, Instant> dayStarts = new HashMap<>();
        for (Sdr sdr : sdrs) {
            dayStarts.put(sdr.id, Availability.startOfLocalDay(ZoneId.of(sdr.timeZone), at));
        }
        // Loads and out-of-office periods in one statement, after the locks (a period an admin just added counts).
        return assignments.loadsAndAbsences(dayStarts, at).map(rows -> {
            Map<String, Availability> availability = new HashMap<>();
            Map<String, Load> loads = new HashMap<>();
            for (Sdr sdr : sdrs) {
                AssignmentRepository.LoadAndAbsences row = rows.get(sdr.id);
                availability.put(sdr.id, RosterJson.availability(sdr, row == null ? List.of() : row.away()));
                loads.put(sdr.id, row == null ? Load.NONE : row.load());
            }
            List<Candidate> candidates = new ArrayList<>();
            for (MemberRow member : members) {
                candidates.add(new Candidate(member.sdrId(), member.position(), member.weight(), member.currentWeight(),
                        availability.get(member.sdrId()), RosterJson.caps(byId.get(member.sdrId())),
                        loads.getOrDefault(member.sdrId(), Load.NONE)));
            }
            Map<String, Candidate> named = new HashMap<>();
            for (String sdrId : namedSdrIds) {
                Sdr sdr = byId.get(sdrId);
                if (sdr != null) { // an SDR who is not on the roster is no candidate
                    named.put(sdrId, new Candidate(sdrId, -1, 1, 0, availability.get(sdrId), RosterJson.caps(sdr),
                            loads.getOrDefault(sdrId, Load.NONE)));
                }
            }
            return new LockedPool(pool, new PoolState(pool.distributionMethod, pool.lastPosition, candidates), byId, at,
                    named);
        });
    }

    /**
     * Writes what the decision changed in the pool: the cursor and the current weights that moved. The
     * assignment itself (which the loads count) is the caller's to write in the same transaction.
     */
    public Uni<Void> store(String poolId, PoolState before, Selection selection) {
        return store(poolId, before, selection.next());
    }

    /** Writes the cursor and current weights that moved from {@code before} to {@code after} (several decisions). */
    public Uni<Void> store(String poolId, PoolState before, PoolState after) {
        Uni<Void> done = after.cursor() == before.cursor() ? Uni.createFrom().voidItem()
                : pools.moveCursor(poolId, after.cursor()).replaceWithVoid();
        Map<String, Long> old = before.members().stream()
                .collect(Collectors.toMap(Candidate::sdrId, Candidate::currentWeight));
        Map<String, Long> moved = new HashMap<>();
        for (Candidate member : after.members()) {
            if (!Long.valueOf(member.currentWeight()).equals(old.get(member.sdrId()))) {
                moved.put(member.sdrId(), member.currentWeight());
            }
        }
        return moved.isEmpty() ? done : done.chain(() -> pools.setCurrentWeights(poolId, moved));
    }
}
