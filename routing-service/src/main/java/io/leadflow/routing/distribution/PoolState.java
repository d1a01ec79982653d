package io.leadflow.routing.distribution;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * What a decision needs to know about a pool, read under the pool row's lock: its method, the
 * round-robin {@code cursor} (the position of the member who got the last lead, -1 for nobody yet) and
 * its members, in position order (positions are unique; SDR ids are, by the pool_member key).
 */
public record PoolState(DistributionMethod method, int cursor, List<Candidate> members) {

    public PoolState {
        if (method == null || members == null) {
            throw new IllegalArgumentException("a pool state needs a method and members");
        }
        if (!strictlyByPosition(members)) {
            List<Candidate> sorted = new ArrayList<>(members);
            sorted.sort(Comparator.comparingInt(Candidate::position));
            if (!strictlyByPosition(sorted)) {
                throw new IllegalArgumentException("positions are unique in a pool");
            }
            members = sorted;
        }
        members = List.copyOf(members);
    }

    // A linear check, so that a decision's next state (already in order) costs no sort.
    private static boolean strictlyByPosition(List<Candidate> members) {
        for (int i = 1; i < members.size(); i++) {
            if (members.get(i).position() <= members.get(i - 1).position()) {
                return false;
            }
        }
        return true;
    }

    public PoolState withMembers(List<Candidate> newMembers) {
        return new PoolState(method, cursor, newMembers);
    }

    public PoolState withCursor(int newCursor) {
        return new PoolState(method, newCursor, members);
    }

    /** The member with this SDR id, or null. */
    public Candidate member(String sdrId) {
        for (Candidate member : members) {
            if (member.sdrId().equals(sdrId)) {
                return member;
            }
        }
        return null;
    }
}
