package io.leadflow.routing.domain;

import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.subscription.MultiEmitter;
import jakarta.enterprise.context.ApplicationScoped;

import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The live inboxes of the SDRs connected to THIS replica: each new assignment is pushed at once to
 * every open stream of its SDR, and to nobody else. In memory only: it is fed by every replica's
 * own consumer of leads.routing.v1 (a consumer group per replica), so whichever replica an SDR is
 * connected to, it sees every assignment. A disconnected SDR catches up with the leads list.
 */
@ApplicationScoped
public class SdrInbox {

    /**
     * What an SDR is told: a new assignment, that the person behind one of their leads came back, that one moved, or
     * that one's SLA deadline is near ({@code dueAt} set only then).
     */
    public record Notice(String kind, LeadCard card, java.time.Instant dueAt) {
        public static final String ASSIGNMENT = "assignment";
        public static final String RESUBMISSION = "resubmission";
        public static final String DO_NOT_CONTACT = "do-not-contact";
        /** The lead left the SDR (reassigned to someone else): the page takes its card away. */
        public static final String MOVED = "moved";
        /** The lead's SLA clock is at risk: act before {@code dueAt} or it is reassigned. */
        public static final String AT_RISK = "at-risk";

        public Notice(String kind, LeadCard card) {
            this(kind, card, null);
        }

        /** What the stream sends: the card, or for a warning the deadline with the card. */
        public Object data() {
            return dueAt == null ? card : new AtRisk(card.leadId(), dueAt, card);
        }
    }

    /** The data of an at-risk notice. */
    public record AtRisk(java.util.UUID leadId, java.time.Instant dueAt, LeadCard card) {
    }

    private final Map<String, Set<MultiEmitter<? super Notice>>> streams = new ConcurrentHashMap<>();

    /** The SDR's notices from now on; the stream is registered as soon as it is subscribed. */
    public Multi<Notice> follow(String sdrId) {
        return Multi.createFrom().emitter(emitter -> {
            // compute/computeIfPresent are atomic per SDR: a stream that opens while the SDR's last
            // one closes is never added to a set that was just dropped.
            streams.compute(sdrId, (id, open) -> {
                Set<MultiEmitter<? super Notice>> set = open == null ? ConcurrentHashMap.newKeySet() : open;
                set.add(emitter);
                return set;
            });
            emitter.onTermination(() -> streams.computeIfPresent(sdrId, (id, open) -> {
                open.remove(emitter);
                return open.isEmpty() ? null : open;
            }));
        });
    }

    /** Pushes a notice to the SDR's open streams; returns how many received it. */
    public int publish(String sdrId, Notice notice) {
        Set<MultiEmitter<? super Notice>> open = streams.get(sdrId);
        if (open == null) {
            return 0;
        }
        int delivered = 0;
        for (MultiEmitter<? super Notice> emitter : open) {
            if (!emitter.isCancelled()) {
                emitter.emit(notice);
                delivered++;
            }
        }
        return delivered;
    }

    /** How many streams are open for the SDR on this replica. */
    public int openStreams(String sdrId) {
        Set<MultiEmitter<? super Notice>> open = streams.get(sdrId);
        return open == null ? 0 : open.size();
    }
}
