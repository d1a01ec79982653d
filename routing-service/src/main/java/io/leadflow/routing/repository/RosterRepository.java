package io.leadflow.routing.repository;

import io.leadflow.routing.domain.Sdr;
import io.quarkus.hibernate.reactive.panache.PanacheRepositoryBase;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;

import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

/** SDRs and pool membership. */
@ApplicationScoped
public class RosterRepository implements PanacheRepositoryBase<Sdr, String> {

    /** Adds an SDR unless one with that id exists (an existing SDR, e.g. one deactivated by an admin, is left as it is). */
    public Uni<Integer> addSdrIfMissing(String id, String name, String email) {
        return getSession().chain(session -> session.createNativeQuery("""
                        insert into sdr (id, name, email, active) values (:id, :name, :email, true)
                        on conflict (id) do nothing
                        """)
                .setParameter("id", id)
                .setParameter("name", name)
                .setParameter("email", email)
                .executeUpdate());
    }

    public Uni<Integer> addPoolIfMissing(String id, String name) {
        return getSession().chain(session -> session.createNativeQuery("""
                        insert into pool (id, name) values (:id, :name) on conflict (id) do nothing
                        """)
                .setParameter("id", id)
                .setParameter("name", name)
                .executeUpdate());
    }

    /** Seats the SDRs in the pool in the given order (positions 0, 1, ...), unless the pool already has members. */
    public Uni<Integer> seatIfEmpty(String poolId, List<String> sdrIds) {
        String seats = IntStream.range(0, sdrIds.size())
                .mapToObj(i -> "(:sdr" + i + ", " + i + ")")
                .collect(Collectors.joining(", "));
        return getSession().chain(session -> {
            var insert = session.createNativeQuery("""
                    insert into pool_member (pool_id, sdr_id, position)
                    select :poolId, seat.sdr_id, seat.position from (values %s) as seat (sdr_id, position)
                    where not exists (select 1 from pool_member where pool_id = :poolId)
                    """.formatted(seats))
                    .setParameter("poolId", poolId);
            for (int i = 0; i < sdrIds.size(); i++) {
                insert.setParameter("sdr" + i, sdrIds.get(i));
            }
            return insert.executeUpdate();
        });
    }
}
