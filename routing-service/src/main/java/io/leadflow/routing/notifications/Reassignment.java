package io.leadflow.routing.notifications;

import java.time.Instant;
import java.util.Objects;
import java.util.UUID;

/**
 * A lead that changed hands, as the notifications tell it: who had it, who has it now, why and by whom (the facts of a
 * LeadReassigned). Each reason is worded once here for each audience, so e-mail and webhooks say the same thing.
 * Pure: no framework.
 */
public record Reassignment(UUID leadId, UUID assignmentId, String fromSdrId, String sdrId, String poolId, Reason reason,
                           String note, String reassignedBy, Instant reassignedAt) {

    public Reassignment {
        Objects.requireNonNull(leadId, "leadId");
        Objects.requireNonNull(assignmentId, "assignmentId");
        Objects.requireNonNull(fromSdrId, "fromSdrId");
        Objects.requireNonNull(sdrId, "sdrId");
        Objects.requireNonNull(reason, "reason");
        Objects.requireNonNull(reassignedBy, "reassignedBy");
        Objects.requireNonNull(reassignedAt, "reassignedAt");
    }

    /** Why the lead moved: the contract's {@code reason}. */
    public enum Reason {
        /** RevOps or an admin moved it by hand. */
        MANUAL("manual"),
        /** The SDR who had it gave it back. */
        DECLINED("declined"),
        /** Nobody worked it before its SLA deadline. */
        SLA_BREACH("sla_breach"),
        /** Moved up to the pool's manager. */
        ESCALATED("escalated");

        private final String wire;

        Reason(String wire) {
            this.wire = wire;
        }

        /** The value as the event carries it. */
        public String wire() {
            return wire;
        }

        /** The reason the event names; anything else is an {@link IllegalArgumentException} (not in the contract). */
        public static Reason of(String wire) {
            for (Reason reason : values()) {
                if (reason.wire.equals(wire)) {
                    return reason;
                }
            }
            throw new IllegalArgumentException("unknown reassignment reason " + wire);
        }
    }

    /** The new owner's subject prefix: why this lead is theirs now. */
    String subjectForNewOwner(String fromName) {
        return switch (reason) {
            case MANUAL -> "Lead reassigned to you by RevOps";
            case DECLINED -> "Lead given back by " + fromName + ", now yours";
            case SLA_BREACH -> "Lead moved to you: SLA deadline missed";
            case ESCALATED -> "Lead escalated to you as the pool's manager";
        };
    }

    /** The new owner's sentence: why, and who had it. */
    String whyForNewOwner(String fromName) {
        return switch (reason) {
            case MANUAL -> "Reassigned to you by RevOps (" + reassignedBy + "); " + fromName + " had it.";
            case DECLINED -> "Given back by " + fromName + ", the SDR who had it; it is yours now.";
            case SLA_BREACH -> fromName + ", the previous owner, missed its SLA deadline, so it was moved to you.";
            case ESCALATED -> "Escalated to you as the manager of pool " + poolId + "; " + fromName + " had it.";
        };
    }

    /** The previous owner's short phrase: why it left them. */
    String whyForPreviousOwner() {
        return switch (reason) {
            case MANUAL -> "reassigned by RevOps (" + reassignedBy + ")";
            case DECLINED -> "you gave it back";
            case SLA_BREACH -> "its SLA deadline was missed";
            case ESCALATED -> "escalated to the pool's manager";
        };
    }

    /** A channel's sentence (a webhook may be a pool's, read by the whole team): who, from whom, why. */
    String whyForChannel() {
        return switch (reason) {
            case MANUAL -> "Reassigned from " + fromSdrId + " by RevOps (" + reassignedBy + ")";
            case DECLINED -> "Given back by " + fromSdrId;
            case SLA_BREACH -> fromSdrId + " missed the SLA deadline";
            case ESCALATED -> "Escalated from " + fromSdrId + " to the manager of pool " + poolId;
        };
    }
}
