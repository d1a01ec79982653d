package io.leadflow.routing.domain;

import java.util.Comparator;
import java.util.List;
import java.util.Optional;

/**
 * Round robin over a pool's members ordered by position: the next lead goes to the first active
 * member whose position comes after the cursor, wrapping around to the lowest position. Inactive
 * members are skipped and keep their place in the rotation. Pure logic: the caller holds the
 * pool's row lock while it reads the cursor, calls this and stores the new cursor.
 */
public final class RoundRobin {

    /** A member of a pool as the rotation sees it. */
    public record Seat(String sdrId, String sdrName, int position, boolean active) {
    }

    private RoundRobin() {
    }

    /** The member who gets the next lead, or empty when no member is active. */
    public static Optional<Seat> next(List<Seat> seats, int lastPosition) {
        List<Seat> candidates = seats.stream()
                .filter(Seat::active)
                .sorted(Comparator.comparingInt(Seat::position))
                .toList();
        if (candidates.isEmpty()) {
            return Optional.empty();
        }
        return candidates.stream()
                .filter(seat -> seat.position() > lastPosition)
                .findFirst()
                .or(() -> Optional.of(candidates.get(0)));
    }
}
