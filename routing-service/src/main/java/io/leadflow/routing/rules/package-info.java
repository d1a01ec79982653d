/**
 * Routing rule sets as data: the pure engine core. RevOps edits a rule set as JSON (draft, validate, dry-run,
 * activate, roll back); this package parses and validates it into a compiled
 * {@link io.leadflow.routing.rules.RoutingRuleSet} and decides where a lead goes. Plain Java and Jackson: no
 * framework, no I/O (except reading the shipped default from the class path). The format, the fields, the
 * operators and the lifecycle are documented with a complete example in the service's README ("Routing rules",
 * checked by {@code RoutingReadmeExampleTest}).
 *
 * <ul>
 *   <li>{@link io.leadflow.routing.rules.RoutingRules#parse(String)} gives the compiled rule set or every error by
 *       JSON path; conditions are the shared condition language ({@code io.leadflow.rules}) over
 *       {@link io.leadflow.routing.rules.RoutingFields}.</li>
 *   <li>{@link io.leadflow.routing.rules.RoutingRuleSet#decide(RoutingFacts)} picks the variant (an
 *       {@link io.leadflow.routing.rules.Experiment} splits by a SHA-256 of experiment id and lead id), tries the
 *       variant's rules in order, first match wins, else the catch-all pool; the
 *       {@link io.leadflow.routing.rules.RuleDecision} carries the variant, the rule, the
 *       {@link io.leadflow.routing.rules.Route} and the evidence.</li>
 *   <li>{@link io.leadflow.routing.rules.RoutingDryRun#compare} replays sample leads under the active rule set and a
 *       draft.</li>
 * </ul>
 *
 * <h2>Performance</h2>
 * Every distinct field path of a rule set gets a slot at parse time; deciding a lead reads each field from the JSON
 * at most once (on first use), and the conditions compare pre-normalised values (hash sets, numeric bounds): no
 * parsing, splitting or regular expression per lead. 200 rules decide a lead in a few microseconds
 * ({@code RoutingRulesBenchmarkTest}, {@code -Dleadflow.benchmark=true}).
 */
package io.leadflow.routing.rules;
