package io.leadflow.routing.repository;

import io.leadflow.routing.domain.SdrPool;
import io.quarkus.hibernate.reactive.panache.PanacheRepositoryBase;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;

import jakarta.persistence.LockModeType;

import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

@ApplicationScoped
public class SdrPoolRepository implements PanacheRepositoryBase<SdrPool, String> {

    public Uni<Integer> moveCursor(String poolId, int position) {
        return getSession().chain(session -> session
                .createNativeQuery("update pool set last_position = :position where id = :id")
                .setParameter("position", position)
                .setParameter("id", poolId)
                .executeUpdate());
    }

    /** A member as stored: their place in the rotation, weight and smooth-weighted-round-robin current weight. */
    public record MemberRow(String sdrId, int position, int weight, long currentWeight) {
    }

    /** The pool, its row locked until the transaction ends (the lock routing takes): null if it does not exist. */
    public Uni<SdrPool> lock(String poolId) {
        return findById(poolId, LockModeType.PESSIMISTIC_WRITE);
    }

    /** The pool's members in rotation order. */
    public Uni<List<MemberRow>> members(String poolId) {
        return getSession().chain(session -> session.createNativeQuery("""
                        select sdr_id, position, weight, current_weight from pool_member
                        where pool_id = :id order by position
                        """, Object[].class)
                .setParameter("id", poolId)
                .getResultList())
                .map(rows -> rows.stream().map(row -> new MemberRow((String) row[0], ((Number) row[1]).intValue(),
                        ((Number) row[2]).intValue(), ((Number) row[3]).longValue())).toList());
    }

    /**
     * What a routing must know before it decides: whether the lead is assigned or waits in a queue, whether the pool
     * has a queue, and whether the lead has a decision record yet.
     */
    public record LeadState(boolean assigned, boolean held, boolean poolHasQueue, boolean decided) {
    }

    /** The pool's members and, from the same statement, the lead's state. */
    public record MembersAndLead(List<MemberRow> members, LeadState lead) {
    }

    /**
     * {@link #members} and, in the same round trip, whether the lead is assigned, waits in a queue, has a decision
     * record, and whether the pool has waiting leads. Run after the pool's lock: it sees what the previous turn committed.
     */
    public Uni<MembersAndLead> membersAndLead(String poolId, java.util.UUID leadId) {
        return getSession().chain(session -> session.createNativeQuery("""
                        select l.assigned, l.held, l.queued, l.decided, m.sdr_id, m.position, m.weight, m.current_weight
                        from (select exists (select 1 from assignment where lead_id = :lead) as assigned,
                                     exists (select 1 from routing_hold where lead_id = :lead) as held,
                                     exists (select 1 from routing_hold where pool_id = :id) as queued,
                                     exists (select 1 from routing_decision where lead_id = :lead) as decided) l
                        left join pool_member m on m.pool_id = :id
                        order by m.position
                        """, Object[].class)
                .setParameter("id", poolId)
                .setParameter("lead", leadId)
                .getResultList())
                .map(rows -> {
                    Object[] first = rows.get(0); // the lead's row is there even when the pool has no members
                    List<MemberRow> members = rows.stream().filter(row -> row[4] != null)
                            .map(row -> new MemberRow((String) row[4], ((Number) row[5]).intValue(),
                                    ((Number) row[6]).intValue(), ((Number) row[7]).longValue())).toList();
                    return new MembersAndLead(members, new LeadState((Boolean) first[0], (Boolean) first[1],
                            (Boolean) first[2], (Boolean) first[3]));
                });
    }

    /** Replaces the pool's members with these (hold the pool's lock). */
    public Uni<Void> replaceMembers(String poolId, List<MemberRow> members) {
        Uni<Integer> deleted = getSession().chain(session -> session
                .createNativeQuery("delete from pool_member where pool_id = :id")
                .setParameter("id", poolId)
                .executeUpdate());
        if (members.isEmpty()) {
            return deleted.replaceWithVoid();
        }
        String rows = IntStream.range(0, members.size())
                .mapToObj(i -> "(:pool, :sdr%d, :position%d, :weight%d, :current%d)".formatted(i, i, i, i))
                .collect(Collectors.joining(", "));
        return deleted.chain(() -> getSession().chain(session -> {
            var insert = session.createNativeQuery(
                    "insert into pool_member (pool_id, sdr_id, position, weight, current_weight) values " + rows)
                    .setParameter("pool", poolId);
            for (int i = 0; i < members.size(); i++) {
                MemberRow member = members.get(i);
                insert.setParameter("sdr" + i, member.sdrId())
                        .setParameter("position" + i, member.position())
                        .setParameter("weight" + i, member.weight())
                        .setParameter("current" + i, member.currentWeight());
            }
            return insert.executeUpdate();
        })).replaceWithVoid();
    }

    /** Sets these members' smooth-weighted-round-robin current weights (hold the pool's lock). */
    public Uni<Void> setCurrentWeights(String poolId, java.util.Map<String, Long> currentWeights) {
        List<String> ids = List.copyOf(currentWeights.keySet());
        String cases = IntStream.range(0, ids.size())
                .mapToObj(i -> "when :sdr%d then cast(:weight%d as bigint)".formatted(i, i))
                .collect(Collectors.joining(" "));
        return getSession().chain(session -> {
            var update = session.createNativeQuery("update pool_member set current_weight = case sdr_id " + cases
                    + " end where pool_id = :pool and sdr_id in (:ids)")
                    .setParameter("pool", poolId)
                    .setParameter("ids", ids);
            for (int i = 0; i < ids.size(); i++) {
                update.setParameter("sdr" + i, ids.get(i)).setParameter("weight" + i, currentWeights.get(ids.get(i)));
            }
            return update.executeUpdate();
        }).replaceWithVoid();
    }
}
