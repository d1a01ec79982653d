package io.leadflow.routing.bench;

import io.leadflow.routing.distribution.DistributionMethod;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * The routing decision in memory (rule evaluation with 200 rules + candidate selection among 1,000 SDRs), see
 * {@link RoutingBenchFixtures} and {@link InMemoryRouting}. Run by {@code RoutingDecisionBenchmarkTest}
 * ({@code -Dleadflow.benchmark=true}); {@code method} is every pool's distribution method.
 *
 * <ul>
 *   <li>{@link #spreadOfLeads}: the next of 1,024 leads in arrival order (different rules match, most in the last
 *       two thirds of the rule set; different pools, from 8 to 1,000 members); each pool's next state is kept for
 *       its next lead, and every pool starts over when the leads do.</li>
 *   <li>{@link #worstCase}: the lead that only the last rule matches, into the 300-member pool at an hour when
 *       only its Eastern-time 40% (New York, Toronto) works; the pool starts over every 100 leads (to stay below
 *       the caps).</li>
 *   <li>{@link #heldLead}: the same lead when nobody in that pool works: all 300 are skipped and the decision
 *       computes when a held lead can be tried again ({@code Selection.retryAt}: the earliest instant any of them
 *       becomes available by the clock). This is what makes the tail of {@link #spreadOfLeads}: about a quarter of
 *       its leads arrive before or after their pool's working hours.</li>
 * </ul>
 */
@State(Scope.Thread)
@BenchmarkMode({Mode.SampleTime, Mode.Throughput})
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(value = 1, jvmArgsAppend = {"-Xms1g", "-Xmx1g"})
public class RoutingDecisionBenchmark {

    @Param({"STRICT_ROUND_ROBIN", "WEIGHTED_ROUND_ROBIN", "LEAST_LOADED"})
    public DistributionMethod method;

    private InMemoryRouting routing;
    private RoutingBenchFixtures.LeadCase[] leads;
    private RoutingBenchFixtures.LeadCase worst;
    private RoutingBenchFixtures.LeadCase held;
    private int next;
    private int worstRuns;

    @Setup(Level.Trial)
    public void setUp() {
        routing = new InMemoryRouting(RoutingBenchFixtures.ruleSet(), method);
        List<RoutingBenchFixtures.LeadCase> all = RoutingBenchFixtures.leads();
        leads = all.toArray(RoutingBenchFixtures.LeadCase[]::new);
        worst = RoutingBenchFixtures.worstCase();
        String rule = routing.route(worst.facts(), worst.at()).decision().ruleId();
        if (!RoutingBenchFixtures.LAST_RULE.equals(rule)) {
            throw new IllegalStateException("the worst case must match the last rule, matched " + rule);
        }
        held = RoutingBenchFixtures.held();
        InMemoryRouting.Outcome outcome = routing.route(held.facts(), held.at());
        if (outcome.assigned() || outcome.selection().retryAt().isEmpty()) {
            throw new IllegalStateException("the held lead must find nobody and a retry instant");
        }
        routing.reset();
    }

    @Benchmark
    public InMemoryRouting.Outcome spreadOfLeads() {
        RoutingBenchFixtures.LeadCase lead = leads[next];
        if (++next == leads.length) {
            next = 0;
            routing.reset();
        }
        return routing.route(lead.facts(), lead.at());
    }

    @Benchmark
    public InMemoryRouting.Outcome worstCase() {
        if (++worstRuns == 100) {
            worstRuns = 0;
            routing.reset();
        }
        return routing.route(worst.facts(), worst.at());
    }

    @Benchmark
    public InMemoryRouting.Outcome heldLead() {
        return routing.route(held.facts(), held.at()); // nobody chosen: the pool's state does not change
    }
}
