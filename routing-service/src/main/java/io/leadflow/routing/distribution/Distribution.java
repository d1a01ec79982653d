package io.leadflow.routing.distribution;

import io.leadflow.routing.roster.SkipReason;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

/**
 * Picks the member of a pool who gets the next lead. Pure: the caller reads the pool's state under the
 * pool row's lock (so that replicas take turns), calls {@link #select}, and stores the assignment and
 * {@link Selection#next()} (cursor, current weights) in the same transaction.
 */
public final class Distribution {

    private static final Comparator<Candidate> LEAST_LOADED = Comparator
            .<Candidate>comparingInt(member -> member.load().openLeads())
            .thenComparing(member -> member.load().lastAssignedAt(), Comparator.nullsFirst(Comparator.naturalOrder()))
            .thenComparingInt(Candidate::position);

    private static final java.util.function.Supplier<Optional<Instant>> NO_RETRY = Optional::empty;

    private Distribution() {
    }

    /**
     * Decides who of the pool's members gets a lead at the instant, by the pool's method. Members who
     * are inactive, paused, out of office, on holiday, outside their working hours or at a cap are
     * skipped, each with the reason, and never chosen.
     */
    public static Selection select(PoolState pool, Instant at) {
        return switch (pool.method()) {
            case STRICT_ROUND_ROBIN -> roundRobin(pool, at);
            case WEIGHTED_ROUND_ROBIN -> weighted(pool, at);
            case LEAST_LOADED -> leastLoaded(pool, at);
        };
    }

    /** In turn after the cursor: members are looked at in rotation order until one can take the lead. */
    private static Selection roundRobin(PoolState pool, Instant at) {
        List<Candidate> members = pool.members();
        int first = 0;
        while (first < members.size() && members.get(first).position() <= pool.cursor()) {
            first++;
        }
        List<Considered> considered = new ArrayList<>();
        List<Candidate> skipped = new ArrayList<>();
        for (int i = 0; i < members.size(); i++) {
            Candidate member = members.get((first + i) % members.size());
            SkipReason reason = member.skipReasonAt(at);
            considered.add(new Considered(member.sdrId(), member.position(), reason, reason == null));
            if (reason == null) {
                return chosen(pool, (first + i) % members.size(), considered, at);
            }
            skipped.add(member);
        }
        return nobody(pool, considered, skipped, at);
    }

    /** Smooth weighted round robin over the eligible members; skipped members' current weights stay as they are. */
    private static Selection weighted(PoolState pool, Instant at) {
        List<Candidate> members = pool.members();
        SkipReason[] reasons = new SkipReason[members.size()];
        long total = 0;
        int best = -1;
        long bestWeight = Long.MIN_VALUE;
        for (int i = 0; i < members.size(); i++) {
            Candidate member = members.get(i);
            reasons[i] = member.skipReasonAt(at);
            if (reasons[i] == null) {
                total += member.weight();
                long grown = member.currentWeight() + member.weight();
                if (grown > bestWeight) { // strictly greater: the lowest position wins a tie
                    best = i;
                    bestWeight = grown;
                }
            }
        }
        List<Considered> considered = new ArrayList<>(members.size());
        for (int i = 0; i < members.size(); i++) {
            considered.add(new Considered(members.get(i).sdrId(), members.get(i).position(), reasons[i], i == best));
        }
        if (best < 0) {
            return nobody(pool, considered, members, at);
        }
        List<Candidate> next = new ArrayList<>(members.size());
        for (int i = 0; i < members.size(); i++) {
            Candidate member = members.get(i);
            if (i == best) {
                next.add(member.withCurrentWeight(member.currentWeight() + member.weight() - total)
                        .withLoad(member.load().plusOne(at)));
            } else if (reasons[i] == null) {
                next.add(member.withCurrentWeight(member.currentWeight() + member.weight()));
            } else {
                next.add(member);
            }
        }
        Candidate chosen = next.get(best);
        return new Selection(Optional.of(chosen), considered,
                new PoolState(pool.method(), chosen.position(), next), NO_RETRY);
    }

    /** The eligible member with the fewest open leads; then the least recently assigned; then by position. */
    private static Selection leastLoaded(PoolState pool, Instant at) {
        List<Candidate> members = pool.members();
        SkipReason[] reasons = new SkipReason[members.size()];
        int best = -1;
        for (int i = 0; i < members.size(); i++) {
            reasons[i] = members.get(i).skipReasonAt(at);
            if (reasons[i] == null && (best < 0 || LEAST_LOADED.compare(members.get(i), members.get(best)) < 0)) {
                best = i;
            }
        }
        List<Considered> considered = new ArrayList<>(members.size());
        for (int i = 0; i < members.size(); i++) {
            considered.add(new Considered(members.get(i).sdrId(), members.get(i).position(), reasons[i], i == best));
        }
        if (best < 0) {
            return nobody(pool, considered, members, at);
        }
        return chosen(pool, best, considered, at);
    }

    /** The member at the index gets the lead: the cursor moves to them and their load counts it. */
    private static Selection chosen(PoolState pool, int index, List<Considered> considered, Instant at) {
        Candidate member = pool.members().get(index);
        Candidate chosen = member.withLoad(member.load().plusOne(at));
        List<Candidate> next = new ArrayList<>(pool.members());
        next.set(index, chosen);
        return new Selection(Optional.of(chosen), considered, new PoolState(pool.method(), chosen.position(), next),
                NO_RETRY);
    }

    private static Selection nobody(PoolState pool, List<Considered> considered, List<Candidate> skipped, Instant at) {
        return new Selection(Optional.empty(), considered, pool, Selection.once(() -> retryAt(skipped, at)));
    }

    private static Optional<Instant> retryAt(List<Candidate> skipped, Instant at) {
        Instant retry = null;
        for (Candidate member : skipped) {
            Optional<Instant> back = member.availableAgainAt(at);
            if (back.isPresent() && (retry == null || back.get().isBefore(retry))) {
                retry = back.get();
            }
        }
        return Optional.ofNullable(retry);
    }
}
