package io.leadflow.routing.bench;

import io.leadflow.routing.distribution.Candidate;
import io.leadflow.routing.distribution.Distribution;
import io.leadflow.routing.distribution.DistributionMethod;
import io.leadflow.routing.distribution.PoolState;
import io.leadflow.routing.distribution.Selection;
import io.leadflow.routing.rules.Route;
import io.leadflow.routing.rules.RoutingFacts;
import io.leadflow.routing.rules.RoutingRuleSet;
import io.leadflow.routing.rules.RuleDecision;

import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The whole routing decision in memory, as the engine makes it once a pool's state is read: the rule set decides
 * the route, then
 * <ul>
 *   <li>{@code pool}: {@link Distribution#select} over the pool's state, whose next state (cursor, current weights,
 *       the chosen SDR's load) is kept for the pool's next lead, as the store would;</li>
 *   <li>{@code sdr}: that SDR if they can take a lead now, else the selection in their home pool;</li>
 *   <li>{@code accountOwner}: the owner if they can take a lead now, else the selection in the fallback pool (the
 *       owner's home pool when the rule says so, or when the lead has no owner, the catch-all).</li>
 * </ul>
 * Not thread-safe (one per benchmark thread). {@link #reset()} puts every pool back to its first state.
 */
public final class InMemoryRouting {

    /** What one lead got: the rule decision, and the SDR given directly or the pool's selection. */
    public record Outcome(RuleDecision decision, Candidate direct, String pool, Selection selection) {

        public boolean assigned() {
            return direct != null || selection != null && selection.assigned();
        }
    }

    private final RoutingRuleSet rules;
    private final Map<String, Integer> poolIndex = new HashMap<>();
    private final PoolState[] initial;
    private final PoolState[] current;
    private final Map<String, Candidate> sdrs = new HashMap<>();
    private final Map<String, String> homePool = new HashMap<>();
    private final String catchAll;

    public InMemoryRouting(RoutingRuleSet rules, DistributionMethod method) {
        this.rules = rules;
        this.catchAll = rules.catchAll();
        List<RoutingBenchFixtures.Sdr> roster = RoutingBenchFixtures.roster();
        Map<String, RoutingBenchFixtures.Sdr> byId = new HashMap<>();
        roster.forEach(sdr -> byId.put(sdr.id(), sdr));
        List<RoutingBenchFixtures.PoolSpec> pools = RoutingBenchFixtures.pools(roster);
        initial = new PoolState[pools.size()];
        current = new PoolState[pools.size()];
        for (int i = 0; i < pools.size(); i++) {
            RoutingBenchFixtures.PoolSpec spec = pools.get(i);
            poolIndex.put(spec.id(), i);
            initial[i] = RoutingBenchFixtures.poolState(spec, byId, method);
            for (Candidate member : initial[i].members()) {
                sdrs.putIfAbsent(member.sdrId(), member);
                homePool.putIfAbsent(member.sdrId(), spec.id()); // the first pool listed: their team's
            }
        }
        for (String pool : rules.pools()) {
            if (!poolIndex.containsKey(pool)) {
                throw new IllegalStateException("the rules name pool " + pool + " that the roster does not have");
            }
        }
        reset();
    }

    /** Every pool back to the state it started with. */
    public void reset() {
        System.arraycopy(initial, 0, current, 0, initial.length);
    }

    public int pools() {
        return initial.length;
    }

    public PoolState pool(String id) {
        return current[poolIndex.get(id)];
    }

    /** Decides the lead arriving at the instant: rules, then the SDR or the pool's distribution. */
    public Outcome route(RoutingFacts facts, Instant at) {
        RuleDecision decision = rules.decide(facts);
        Route route = decision.route();
        if (route instanceof Route.Pool pool) {
            return select(decision, pool.pool(), at);
        }
        if (route instanceof Route.Sdr sdr) {
            Candidate named = sdrs.get(sdr.sdr());
            if (named != null && named.skipReasonAt(at) == null) {
                return new Outcome(decision, named, null, null);
            }
            return select(decision, named == null ? catchAll : homePool.get(named.sdrId()), at);
        }
        Route.AccountOwner owner = (Route.AccountOwner) route;
        Candidate named = owner.ownerId() == null ? null : sdrs.get(owner.ownerId());
        if (named != null && named.skipReasonAt(at) == null) {
            return new Outcome(decision, named, null, null);
        }
        String fallback = owner.elsePool() != null ? owner.elsePool()
                : named != null ? homePool.get(named.sdrId()) : catchAll;
        return select(decision, fallback, at);
    }

    private Outcome select(RuleDecision decision, String pool, Instant at) {
        int index = poolIndex.get(pool);
        Selection selection = Distribution.select(current[index], at);
        current[index] = selection.next();
        return new Outcome(decision, null, pool, selection);
    }
}
