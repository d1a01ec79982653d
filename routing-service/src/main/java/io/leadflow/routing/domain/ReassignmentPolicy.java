package io.leadflow.routing.domain;

import io.leadflow.routing.distribution.Distribution;
import io.leadflow.routing.distribution.PoolState;
import io.leadflow.routing.distribution.Selection;

import java.time.Instant;
import java.util.Collection;
import java.util.Optional;

/**
 * Where a lead goes when it leaves its SDR without anyone naming the new owner (an SLA breach, a decline). Pure:
 * {@link Reassignments} reads the state under the locks, asks here, and writes what comes out.
 */
public final class ReassignmentPolicy {

    /** What an SLA breach does to the lead. */
    public enum Step {
        /** The next available member of the lead's pool, not the SDR who missed the deadline (reason sla_breach). */
        NEXT_MEMBER,
        /** To the pool's manager (reason escalated). */
        ESCALATE,
        /** Escalation is due but the pool's manager is not on the roster (or inactive): the next member instead. */
        NEXT_MEMBER_UNSTAFFED,
        /** Escalation is due and the manager holds the lead already: nobody above them to give it to. */
        KEEP_WITH_MANAGER
    }

    private ReassignmentPolicy() {
    }

    /**
     * @param breaches      the lead's SLA breaches, this one included
     * @param escalateAfter how many breaches send a lead to the manager (at least 1)
     * @param holderSdrId   who holds the lead and missed the deadline
     * @param managerSdrId  the pool manager's SDR id: an active SDR whose e-mail is the pool's manager e-mail
     */
    public static Step onBreach(int breaches, int escalateAfter, String holderSdrId, Optional<String> managerSdrId) {
        if (breaches < escalateAfter) {
            return Step.NEXT_MEMBER;
        }
        if (managerSdrId.isEmpty()) {
            return Step.NEXT_MEMBER_UNSTAFFED;
        }
        return managerSdrId.get().equals(holderSdrId) ? Step.KEEP_WITH_MANAGER : Step.ESCALATE;
    }

    /** A decision among the pool's members but those passed over: store {@code among} as the state before it. */
    public record Pick(PoolState among, Selection selection) {

        public Optional<String> sdrId() {
            return selection.sdrId();
        }
    }

    /**
     * The next member of the pool by its own method at the instant, passing over some SDRs (the holder, the lead's
     * decliners): who is passed over neither gets the lead nor moves the pool's state.
     */
    public static Pick nextMember(PoolState pool, Collection<String> passedOver, Instant at) {
        PoolState among = pool.withMembers(pool.members().stream()
                .filter(member -> !passedOver.contains(member.sdrId()))
                .toList());
        return new Pick(among, Distribution.select(among, at));
    }

    /** LeadReassigned's note for a breach: {@code first-touch deadline 2026-11-22T09:20:02.113Z missed (breach 2)}. */
    public static String breachNote(String kind, Instant dueAt, int breaches) {
        return kind + " deadline " + dueAt + " missed" + (breaches > 1 ? " (breach " + breaches + ")" : "");
    }
}
