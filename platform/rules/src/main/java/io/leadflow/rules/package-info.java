/**
 * The condition language of Leadflow's rule sets as data, shared by scoring's and routing's rule sets: plain
 * Java and Jackson, no framework, no I/O.
 *
 * <ul>
 *   <li>A {@link io.leadflow.rules.FieldCatalog} is the whitelist of fields one kind of rule set may test
 *       ({@link io.leadflow.rules.FactField}: path, type, allowed values). {@link io.leadflow.rules.LeadFields}
 *       adds the {@code lead.*} and {@code enrichment.*} fields every event after enrichment carries.</li>
 *   <li>{@link io.leadflow.rules.ConditionParser} validates a {@code when} against a catalogue and compiles it into
 *       a {@link io.leadflow.rules.Condition} over the caller's facts type: each field is read by an
 *       {@link io.leadflow.rules.Accessor} the caller supplies per path at parse time (a JSON path lookup, a
 *       counter, a cached slot), so evaluation never parses, splits or matches a regex.</li>
 *   <li>Operators: {@code eq}, {@code in}, {@code notIn}, {@code exists}, {@code gte}, {@code lte}, {@code between},
 *       {@code contains}, {@code endsWith}; combinators {@code all}, {@code any}, {@code not}, at most 10 deep.
 *       Text compares ignoring case, enums exactly (values checked against the catalogue), numbers inclusively;
 *       an absent or null field satisfies no leaf except {@code exists: false}.</li>
 *   <li>A condition that holds leaves its {@link io.leadflow.rules.Evidence}: the values of the fields that made
 *       it hold ({@code any}: the first branch that held; {@code not}: the current values of what it reads).</li>
 *   <li>{@link io.leadflow.rules.Problems} collects every error of one parse as a
 *       {@link io.leadflow.rules.RuleSetError} ({@code path: message}) with "did you mean" hints
 *       ({@link io.leadflow.rules.Spelling}); {@link io.leadflow.rules.ParseResult} carries the compiled rule set
 *       or the errors.</li>
 * </ul>
 * The formats themselves (what a rule does when it matches) belong to the services: scoring's
 * {@code io.leadflow.scoring.rules}, routing's {@code io.leadflow.routing.rules}.
 */
package io.leadflow.rules;
