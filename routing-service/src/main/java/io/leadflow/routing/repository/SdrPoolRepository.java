package io.leadflow.routing.repository;

import io.leadflow.routing.domain.SdrPool;
import io.leadflow.routing.domain.RoundRobin;
import io.quarkus.hibernate.reactive.panache.PanacheRepositoryBase;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;

import java.util.List;

@ApplicationScoped
public class SdrPoolRepository implements PanacheRepositoryBase<SdrPool, String> {

    /** A pool's state for one routing, read under the pool row's lock. */
    public record LockedPool(int cursor, List<RoundRobin.Seat> seats) {
    }

    /**
     * Locks the pool row until the transaction ends and reads, in one round trip, its round-robin
     * cursor (the latest committed one: PostgreSQL re-reads a row it waited for) and its members in
     * rotation order. Concurrent routings of the same pool (on this or another replica) take their
     * turns one after the other. Anything else a routing must see committed by the previous turn
     * (the lead's assignment) needs a statement of its own after this one: a subquery here would
     * still read the snapshot taken before the wait. Null when the pool does not exist.
     */
    public Uni<LockedPool> lockForRouting(String poolId) {
        return getSession().chain(session -> session.createNativeQuery("""
                        select p.last_position, m.sdr_id, s.name, m.position, s.active
                        from pool p
                        left join pool_member m on m.pool_id = p.id
                        left join sdr s on s.id = m.sdr_id
                        where p.id = :id
                        order by m.position
                        for update of p
                        """, Object[].class)
                .setParameter("id", poolId)
                .getResultList())
                .map(rows -> rows.isEmpty() ? null : new LockedPool(((Number) rows.get(0)[0]).intValue(),
                        rows.stream().filter(row -> row[1] != null)
                                .map(row -> new RoundRobin.Seat((String) row[1], (String) row[2],
                                        ((Number) row[3]).intValue(), (Boolean) row[4]))
                                .toList()));
    }

    public Uni<Integer> moveCursor(String poolId, int position) {
        return getSession().chain(session -> session
                .createNativeQuery("update pool set last_position = :position where id = :id")
                .setParameter("position", position)
                .setParameter("id", poolId)
                .executeUpdate());
    }
}
