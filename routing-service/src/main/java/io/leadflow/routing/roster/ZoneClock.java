package io.leadflow.routing.roster;

import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.zone.ZoneOffsetTransition;
import java.time.zone.ZoneRules;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Knows, per time zone, the stretch of time around "now" in which its UTC offset does not change, so
 * that availability can be decided with wall-clock arithmetic (a few additions) instead of building a
 * zoned date-time per shift boundary. One stretch is remembered per zone (immutable, replaced when an
 * instant falls outside it); near a transition callers take the exact, slower path.
 */
final class ZoneClock {

    /** A local day and the day before span at most 48 hours either side of an instant; 2 more for offset changes. */
    static final long MARGIN_SECONDS = 50L * 3600;
    /** No steady offset around the instant: a transition is within {@link #MARGIN_SECONDS}. */
    static final int UNSTEADY = Integer.MIN_VALUE;

    private record Window(long from, long to, int offset) {
    }

    private static final ConcurrentHashMap<ZoneId, Window> WINDOWS = new ConcurrentHashMap<>();

    private ZoneClock() {
    }

    /**
     * The zone's offset in seconds if it is the same for every instant within {@link #MARGIN_SECONDS} of
     * {@code epochSecond}, else {@link #UNSTEADY}.
     */
    static int steadyOffset(ZoneId zone, ZoneRules rules, long epochSecond) {
        Window window = WINDOWS.get(zone);
        if (window == null || epochSecond < window.from() || epochSecond >= window.to()) {
            window = window(rules, epochSecond);
            WINDOWS.put(zone, window);
        }
        return epochSecond - MARGIN_SECONDS >= window.from() && epochSecond + MARGIN_SECONDS < window.to()
                ? window.offset() : UNSTEADY;
    }

    /** The stretch between the transitions around the instant, during which the offset is the one at the instant. */
    private static Window window(ZoneRules rules, long epochSecond) {
        Instant at = Instant.ofEpochSecond(epochSecond);
        ZoneOffset offset = rules.getOffset(at);
        if (rules.isFixedOffset()) {
            return new Window(Long.MIN_VALUE / 2, Long.MAX_VALUE / 2, offset.getTotalSeconds());
        }
        ZoneOffsetTransition previous = rules.previousTransition(at);
        ZoneOffsetTransition next = rules.nextTransition(at);
        long from = previous == null ? Long.MIN_VALUE / 2 : previous.toEpochSecond();
        long to = next == null ? Long.MAX_VALUE / 2 : next.toEpochSecond();
        if (previous != null && !previous.getOffsetAfter().equals(offset)) {
            // The instant is a transition itself (previousTransition answers the one before): no stretch.
            from = epochSecond;
        }
        return new Window(from, to, offset.getTotalSeconds());
    }
}
