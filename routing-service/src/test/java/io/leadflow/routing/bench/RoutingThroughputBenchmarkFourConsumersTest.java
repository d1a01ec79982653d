package io.leadflow.routing.bench;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;

/**
 * Run 2 of {@link RoutingThroughputBenchmarkTest}: the same burst with four concurrent consumers of leads-scoring
 * ({@code mp.messaging.incoming.leads-scoring.concurrency=4}). Off by default ({@code -Dleadflow.benchmark=true}).
 */
@QuarkusTest
@TestProfile(RoutingThroughputBenchmarkTest.FourConsumers.class)
@EnabledIfSystemProperty(named = "leadflow.benchmark", matches = "true")
public class RoutingThroughputBenchmarkFourConsumersTest extends RoutingThroughputBenchmarkTest {
}
