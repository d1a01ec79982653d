package io.leadflow.routing.repository;

import io.leadflow.routing.domain.Sdr;
import io.quarkus.hibernate.reactive.panache.PanacheRepositoryBase;
import io.quarkus.panache.common.Sort;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.LockModeType;

import java.util.Collection;
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

    /** The SDR, their row locked until the transaction ends (concurrent edits and pauses apply one after the other). */
    public Uni<Sdr> lock(String id) {
        return findById(id, LockModeType.PESSIMISTIC_WRITE);
    }

    /** The active SDR with this e-mail (case aside), the lowest id if several; null if there is none. */
    public Uni<Sdr> activeWithEmail(String email) {
        return find("lower(email) = lower(?1) and active = true", Sort.by("id"), email).firstResult();
    }

    /** Every SDR, by id. */
    public Uni<List<Sdr>> all() {
        return listAll(Sort.by("id"));
    }

    /** The SDRs with these ids (those that exist). */
    public Uni<List<Sdr>> withIds(Collection<String> ids) {
        return ids.isEmpty() ? Uni.createFrom().item(List.of()) : list("id in ?1", ids);
    }

    /**
     * Locks the SDRs' rows in id order (the order every routing takes them in, so two routings never wait on
     * each other in a circle) with {@code for no key update} (assignments referencing them can still be
     * inserted), and reads them. Needs a transaction.
     */
    public Uni<List<Sdr>> lockForRouting(List<String> ids) {
        if (ids.isEmpty()) {
            return Uni.createFrom().item(List.of());
        }
        return getSession().chain(session -> session.createNativeQuery(
                        "select * from sdr where id in (:ids) order by id for no key update", Sdr.class)
                .setParameter("ids", ids)
                .getResultList());
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
