package io.leadflow.messaging.incoming;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.leadflow.messaging.erasure.ErasedLeads;
import io.leadflow.messaging.inbox.Inbox;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.jboss.logging.Logger;

import java.time.Duration;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Function;

/**
 * The one way a Leadflow service consumes an event: parse it, pick the handler for its type, and
 * apply it exactly once through the {@link Inbox}, retrying transient failures with backoff.
 * Poison events (malformed, unknown type, payload that does not fit) fail at once so that the
 * channel's dead-letter-queue strategy parks them with the reason; they are never marked processed.
 *
 * <p>Right to erasure: every event is applied under its lead's lock ({@link ErasedLeads#lockKey}, taken by the inbox insert), and an
 * event of a lead this service already erased (LeadErased applied) is recorded in the inbox but not
 * handed to its handler (outcome {@code erased}): data relayed before an erasure and read after it on
 * another topic never brings the person back.
 */
@ApplicationScoped
public class EventConsumer {

    private static final Logger LOG = Logger.getLogger(EventConsumer.class);
    private static final int TRANSIENT_RETRIES = 5;

    private final Inbox inbox;
    private final ErasedLeads erasedLeads;
    private final ObjectMapper mapper;
    private final MeterRegistry meters;

    public EventConsumer(Inbox inbox, ErasedLeads erasedLeads, ObjectMapper mapper, MeterRegistry meters) {
        this.inbox = inbox;
        this.erasedLeads = erasedLeads;
        this.mapper = mapper;
        this.meters = meters;
    }

    /**
     * @param consumer the consumer's name in the inbox (one per service and topic)
     * @param handlers the event types this consumer acts on; each runs inside the inbox transaction
     * @param ignored  event types of the topic this consumer knowingly does not act on
     */
    public Uni<Void> consume(ConsumerRecord<String, String> record, String consumer,
                             Map<String, Function<IncomingEvent, Uni<?>>> handlers, Set<String> ignored) {
        Timer.Sample sample = Timer.start(meters);
        String announced = IncomingEvent.eventTypeHeader(record);
        if (announced != null && ignored.contains(announced) && !handlers.containsKey(announced)) {
            // Known by its header to be of no concern here: not even parsed (whoever acts on it checks it).
            count(consumer, announced, "ignored");
            return Uni.createFrom().voidItem();
        }
        IncomingEvent event;
        try {
            event = IncomingEvent.parse(record, mapper);
        } catch (PoisonEventException e) {
            return poisoned(consumer, "unparsable", e);
        }
        Function<IncomingEvent, Uni<?>> handler = handlers.get(event.eventType());
        if (handler == null) {
            if (ignored.contains(event.eventType())) {
                count(consumer, event.eventType(), "ignored");
                return Uni.createFrom().voidItem();
            }
            return poisoned(consumer, event.eventType(),
                    new PoisonEventException("unknown event type " + event.eventType() + " for " + consumer));
        }
        IncomingEvent parsed = event;
        AtomicBoolean ofErasedLead = new AtomicBoolean();
        // The lead's lock is taken by the inbox insert's own statement (one round trip less per event).
        return Uni.createFrom().deferred(() -> inbox.processOnce(consumer, parsed.eventId(),
                        ErasedLeads.lockKey(parsed.leadId()), () -> unlessErased(parsed, handler, ofErasedLead)))
                .onFailure(failure -> !(failure instanceof PoisonEventException))
                .invoke(failure -> LOG.warnf("transient failure in %s on %s %s, retrying: %s",
                        consumer, parsed.eventType(), parsed.eventId(), failure.toString()))
                .onFailure(failure -> !(failure instanceof PoisonEventException))
                .retry().withBackOff(Duration.ofMillis(100), Duration.ofSeconds(2)).atMost(TRANSIENT_RETRIES)
                .onItem().invoke(applied -> {
                    if (!applied) {
                        // A redelivery (crash before the offset commit, rebalance, producer retry): rare, worth seeing.
                        LOG.infof("%s already applied %s %s of lead %s; skipped", consumer, parsed.eventType(),
                                parsed.eventId(), parsed.leadId());
                    }
                    count(consumer, parsed.eventType(), !applied ? "duplicate" : ofErasedLead.get() ? "erased" : "applied");
                    sample.stop(meters.timer("leadflow.events.handling", "consumer", consumer, "type", parsed.eventType()));
                })
                .onFailure().invoke(failure -> {
                    count(consumer, parsed.eventType(), "dead-lettered");
                    LOG.errorf("dead-lettering %s %s in %s: %s", parsed.eventType(), parsed.eventId(), consumer, failure.toString());
                })
                .replaceWithVoid();
    }

    /**
     * Runs the handler (the lead's lock is held), unless the lead was erased (LeadErased itself always runs). The
     * check is a statement of its own after the lock's: it must see an erasure committed while we waited.
     */
    private Uni<?> unlessErased(IncomingEvent event, Function<IncomingEvent, Uni<?>> handler, AtomicBoolean ofErasedLead) {
        ofErasedLead.set(false);
        return (ErasedLeads.LEAD_ERASED.equals(event.eventType())
                        ? Uni.createFrom().item(false)
                        : erasedLeads.isErased(event.leadId()))
                .chain(erased -> {
                    if (erased) {
                        ofErasedLead.set(true);
                        LOG.infof("lead %s is erased; %s %s not applied", event.leadId(), event.eventType(), event.eventId());
                        return Uni.createFrom().voidItem();
                    }
                    return handler.apply(event);
                });
    }

    private Uni<Void> poisoned(String consumer, String type, PoisonEventException e) {
        count(consumer, type, "dead-lettered");
        LOG.errorf("poison event in %s: %s", consumer, e.getMessage());
        return Uni.createFrom().failure(e);
    }

    private void count(String consumer, String type, String outcome) {
        meters.counter("leadflow.events.consumed", "consumer", consumer, "type", type, "outcome", outcome).increment();
    }
}
