package io.leadflow.routing.repository;

import io.leadflow.routing.domain.SdrPool;
import io.leadflow.routing.domain.RoundRobin;
import io.quarkus.hibernate.reactive.panache.PanacheRepositoryBase;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;

import java.util.List;

@ApplicationScoped
public class SdrPoolRepository implements PanacheRepositoryBase<SdrPool, String> {

    /**
     * Reads the pool's round-robin cursor and locks the pool row until the transaction ends, so that
     * concurrent routings of the same pool (on this or another replica) take their turns one after
     * the other. Null when the pool does not exist.
     */
    public Uni<Integer> lockCursor(String poolId) {
        return getSession().chain(session -> session
                .createNativeQuery("select last_position from pool where id = :id for update", Integer.class)
                .setParameter("id", poolId)
                .getSingleResultOrNull());
    }

    public Uni<Integer> moveCursor(String poolId, int position) {
        return getSession().chain(session -> session
                .createNativeQuery("update pool set last_position = :position where id = :id")
                .setParameter("position", position)
                .setParameter("id", poolId)
                .executeUpdate());
    }

    /** The pool's members in rotation order, with whether each SDR is active. */
    public Uni<List<RoundRobin.Seat>> seats(String poolId) {
        return getSession().chain(session -> session.createNativeQuery("""
                        select m.sdr_id, s.name, m.position, s.active
                        from pool_member m join sdr s on s.id = m.sdr_id
                        where m.pool_id = :id
                        order by m.position
                        """, Object[].class)
                .setParameter("id", poolId)
                .getResultList())
                .map(rows -> rows.stream()
                        .map(row -> new RoundRobin.Seat((String) row[0], (String) row[1],
                                ((Number) row[2]).intValue(), (Boolean) row[3]))
                        .toList());
    }
}
