/**
 * Scoring rule sets as data: the pure engine core. RevOps edits a rule set as JSON (draft,
 * validate, dry-run, activate, roll back); this package parses and validates that JSON into a
 * compiled {@link io.leadflow.scoring.rules.ScoringRuleSet} and scores leads with it. Plain Java
 * and Jackson: no framework, no I/O (except reading the shipped default from the class path). The
 * condition language (conditions, operators, evidence, their validation) is {@code io.leadflow.rules}
 * ({@code platform/rules}), shared with routing; what a rule does when it fires is scoring's, here.
 *
 * <h2>API</h2>
 * <ul>
 *   <li>{@link io.leadflow.scoring.rules.ScoringRuleSets#parse(String)} returns a
 *       {@link io.leadflow.scoring.rules.RuleSetParseResult}: the compiled rule set, or every
 *       {@link io.leadflow.scoring.rules.RuleSetError} found ({@code path: message}); it never throws
 *       on bad input. {@link io.leadflow.scoring.rules.ScoringRuleSets#defaultRuleSet()} is the
 *       shipped {@code leadflow/scoring/default-rule-set.json}.</li>
 *   <li>{@link io.leadflow.scoring.rules.ScoringRuleSet#score(ScoringFacts, java.util.List, java.time.Instant)}
 *       scores a lead's {@link io.leadflow.scoring.rules.ScoringFacts} (a path view over the
 *       LeadEnriched JSON) and {@link io.leadflow.scoring.rules.Engagement}s as of an instant, giving a
 *       {@link io.leadflow.scoring.rules.Score} with its {@link io.leadflow.scoring.rules.FiredRule}
 *       reasons.</li>
 *   <li>{@link io.leadflow.scoring.rules.DryRun#compare} replays sample leads under the active
 *       rule set and a draft: grade and temperature distributions, and the leads that would cross
 *       the MQL threshold either way.</li>
 *   <li>{@link io.leadflow.scoring.rules.FactCatalog} lists the fields rules may test, with their
 *       types and allowed values (for the admin UI and for validation).</li>
 * </ul>
 *
 * <h2>The format</h2>
 * <pre>{@code
 * {
 *   "version": "2026-12-revops-3",
 *   "description": "optional, for people",
 *   "mqlThreshold": 60,
 *   "caps": { "fit": 50, "engagement": 30, "intent": 35 },
 *   "temperature": { "warm": 40, "hot": 70 },
 *   "grade": {
 *     "fit": { "A": 40, "B": 25, "C": 12 },
 *     "engagement": { "1": 20, "2": 10, "3": 3 }
 *   },
 *   "engagement": {
 *     "halfLife": "P14D",
 *     "points": { "page_view": 1, "pricing_page_visit": 5, "email_open": 1, "email_click": 3,
 *                 "content_download": 5, "webinar_attended": 8, "demo_request": 10 }
 *   },
 *   "rules": [
 *     { "id": "vp-or-above", "dimension": "fit", "points": 20,
 *       "when": { "field": "enrichment.person.seniority", "op": "in", "value": ["c_level", "vp"] },
 *       "description": "Signs the contract" },
 *     { "id": "core-market", "dimension": "fit", "points": 10,
 *       "when": { "all": [
 *         { "field": "enrichment.company.employeeBand", "op": "in", "value": ["51-200", "201-500", "501-1000"] },
 *         { "field": "enrichment.geography.region", "op": "in", "value": ["NA", "EMEA"] },
 *         { "not": { "field": "enrichment.company.industry", "op": "eq", "value": "education" } }
 *       ] } },
 *     { "id": "good-data", "dimension": "fit", "points": 5,
 *       "when": { "field": "enrichment.quality.score", "op": "between", "value": [80, 100] } },
 *     { "id": "known-account", "dimension": "fit", "points": 10,
 *       "when": { "field": "enrichment.account.accountId", "op": "exists" } },
 *     { "id": "demo-request", "dimension": "intent", "points": 25,
 *       "when": { "any": [
 *         { "field": "lead.formId", "op": "eq", "value": "demo-request" },
 *         { "field": "engagement.count.demo_request", "op": "gte", "value": 1 }
 *       ] } },
 *     { "id": "pricing-page", "dimension": "intent", "points": 10,
 *       "when": { "field": "engagement.count.pricing_page_visit", "op": "gte", "value": 1 } },
 *     { "id": "q4-campaign", "dimension": "intent", "points": 5,
 *       "when": { "field": "lead.campaign", "op": "contains", "value": "q4" } },
 *     { "id": "stale", "dimension": "engagement", "points": -5,
 *       "when": { "field": "engagement.daysSinceLast", "op": "gte", "value": 60 } },
 *     { "id": "student", "dimension": "fit", "points": -30,
 *       "when": { "field": "enrichment.person.seniority", "op": "eq", "value": "student" } },
 *     { "id": "competitor", "dimension": "fit", "points": -50,
 *       "when": { "field": "lead.email", "op": "endsWith", "value": ["@rival-routing.com", ".rival-routing.com"] } },
 *     { "id": "not-a-person", "dimension": "fit", "points": -15,
 *       "when": { "any": [
 *         { "field": "enrichment.roleAccount", "op": "eq", "value": true },
 *         { "field": "enrichment.emailClass", "op": "notIn", "value": ["business", "personal"] }
 *       ] } },
 *     { "id": "do-not-contact", "dimension": "fit", "points": -100, "disqualify": true,
 *       "when": { "field": "lead.doNotContact", "op": "eq", "value": true } }
 *   ]
 * }
 * }</pre>
 * Every property shown is required except {@code description} (rule set and rule) and
 * {@code disqualify} (default false); unknown properties are errors, so a typo never silently
 * does nothing.
 * <ul>
 *   <li>{@code version}: a non-blank string, copied onto every {@code Score}.</li>
 *   <li>{@code mqlThreshold} 0-100: a lead is an MQL when its total is at or above it (and it is
 *       not disqualified).</li>
 *   <li>{@code caps}: 0-100 per dimension.</li>
 *   <li>{@code temperature}: minimum totals for {@code warm} and {@code hot}, 1-100,
 *       {@code hot > warm}; below warm is cold.</li>
 *   <li>{@code grade}: minimum <em>dimension</em> points per band, strictly decreasing, the best
 *       band not above the dimension's cap. Fit gives the letter A-D (below C is D), engagement the
 *       digit 1-4 (below 3 is 4): {@code "A1"} is the best lead, {@code "D4"} the worst.</li>
 *   <li>{@code engagement.halfLife}: an ISO-8601 duration ({@code P14D}, {@code PT36H}; {@code Duration}
 *       syntax, so no weeks or months), positive, at most {@code P365D}. {@code engagement.points}:
 *       0-100 per LeadEngaged type ({@code page_view}, {@code pricing_page_visit}, {@code email_open},
 *       {@code email_click}, {@code content_download}, {@code webinar_attended}, {@code demo_request}) and
 *       {@code reply} (an SDR touch the person answered); types left out score nothing.</li>
 *   <li>{@code rules}: an ordered array. {@code id}: unique, lower-case letters, digits and dashes.
 *       {@code dimension}: {@code fit}, {@code engagement} or {@code intent}. {@code points}: a
 *       non-zero integer, -100..100. {@code disqualify: true}: when the rule fires the lead is cold
 *       and never an MQL, whatever its total (do-not-contact).</li>
 * </ul>
 *
 * <h2>Conditions</h2>
 * A condition is a leaf {@code {"field", "op", "value"}} or exactly one combinator:
 * {@code {"all": [...]}} (every one), {@code {"any": [...]}} (at least one), {@code {"not": {...}}};
 * at most 10 levels deep.
 * <table>
 *   <caption>operators</caption>
 *   <tr><th>op</th><th>value</th><th>field types</th></tr>
 *   <tr><td>{@code eq}</td><td>one value of the field's type</td><td>all</td></tr>
 *   <tr><td>{@code in}, {@code notIn}</td><td>non-empty array</td><td>all</td></tr>
 *   <tr><td>{@code exists}</td><td>{@code true} (default) or {@code false}</td><td>all</td></tr>
 *   <tr><td>{@code gte}, {@code lte}</td><td>a number (inclusive)</td><td>number</td></tr>
 *   <tr><td>{@code between}</td><td>{@code [min, max]} (inclusive)</td><td>number</td></tr>
 *   <tr><td>{@code contains}, {@code endsWith}</td><td>a string or an array of strings (any)</td><td>text</td></tr>
 * </table>
 * Text compares ignoring case; enum values compare exactly and must be among the field's allowed
 * values (from the contracts' schemas). {@code endsWith} is a plain suffix: to catch a competitor's
 * domain and its sub-domains give both {@code "@rival.com"} and {@code ".rival.com"}.
 * <b>An absent or null field satisfies no leaf except {@code exists: false}</b> - in particular
 * {@code notIn} is false for it; write {@code {"not": {"field": f, "op": "in", ...}}} to let absent
 * values through.
 *
 * <h2>Fields</h2>
 * {@link io.leadflow.scoring.rules.FactCatalog#fields()} is the whitelist (an unknown field is an
 * error, with the closest known path suggested). {@code lead.*} and {@code enrichment.*} are read
 * from the LeadEnriched JSON by path (text: {@code lead.email}, {@code lead.formId}, {@code lead.source},
 * {@code lead.medium}, {@code lead.campaign}, {@code lead.pageUrl}, {@code lead.country}, {@code lead.jobTitle},
 * {@code lead.company}, {@code lead.industry}, {@code lead.employees}, {@code lead.message},
 * {@code enrichment.emailDomain}, {@code enrichment.companyDomain}, {@code enrichment.geography.country},
 * {@code enrichment.geography.state}, {@code enrichment.company.name}, {@code enrichment.company.domain},
 * {@code enrichment.company.country}, {@code enrichment.account.accountId} (not yet in the contract:
 * absent until account matching ships); enums: {@code enrichment.emailClass},
 * {@code enrichment.phone.type}, {@code enrichment.geography.region}, {@code enrichment.person.seniority},
 * {@code enrichment.person.department}, {@code enrichment.company.industry},
 * {@code enrichment.company.employeeBand}, {@code enrichment.company.revenueBand}; booleans:
 * {@code lead.doNotContact}, {@code enrichment.roleAccount}, {@code enrichment.phone.valid},
 * {@code enrichment.person.decisionMaker}, {@code enrichment.partial}; number:
 * {@code enrichment.quality.score}). A new enrichment field needs one catalog line, no code.
 * {@code engagement.*} are computed from the engagements up to the scoring instant:
 * {@code engagement.count.<type>} per LeadEngaged type and {@code engagement.total} (counts, not
 * decayed), {@code engagement.daysSinceLast} (fractional days; absent when there are none).
 *
 * <h2>The arithmetic</h2>
 * <ol>
 *   <li>Every rule whose condition holds fires, in order; its reason carries the evidence: the
 *       values of the fields that made it fire (for {@code any}, the first branch that held; for
 *       {@code not}, the current values of the fields it reads, {@code null} when absent).</li>
 *   <li>Engagement: each engagement of a type with points adds
 *       {@code points * 0.5^(age / halfLife)}, age measured in <em>event time</em> from its
 *       {@code occurredAt} to the scoring instant (so rescoring later, or replaying history, gives
 *       the same answer for the same instant). Engagements up to 5 minutes after the instant (the
 *       contract's clock skew) count as now; later ones have not happened yet and are ignored,
 *       also by the counters. One reason per type, {@code engagement:<type>}, with the decayed sum
 *       rounded to one decimal and the evidence {@code count}, {@code basePoints}, {@code latest}.
 *       The list is assumed de-duplicated by engagement id (the consumer's job).</li>
 *   <li>Per dimension: the positive points are summed and capped ({@code min(sum, cap)}); the
 *       negative points are then subtracted. The dimension's points are that, floored at 0 and
 *       rounded half up: they decide the grade.</li>
 *   <li>Total = the capped positives of all dimensions plus <em>all</em> negative points, clamped to
 *       0-100 and rounded half up. A penalty larger than its dimension's points therefore still
 *       pulls the total down (a disposable address costs its full 40 even when fit had only 10), so
 *       the total can be lower than the sum of the dimension points.</li>
 *   <li>Temperature by total against {@code temperature}; MQL when total &gt;= {@code mqlThreshold}.
 *       A fired {@code disqualify} rule forces cold and not-MQL, and sets {@code disqualified}.</li>
 * </ol>
 *
 * <h2>Validation messages</h2>
 * All errors are returned at once, each {@code path: message}, for example:
 * <pre>
 * $: not valid JSON: Unexpected end-of-input ... (line 1, column 13)
 * mqlTreshold: unknown property (did you mean mqlThreshold?); known: version, description, ...
 * caps.fit: must be an integer between 0 and 100, got 120
 * temperature.hot: must be greater than temperature.warm (40)
 * grade.fit.B: must be less than grade.fit.A (40): bands go from best to worst
 * grade.engagement.1: 35 is above caps.engagement (30), so 1 could never be given
 * engagement.halfLife: "two weeks" is not an ISO-8601 duration such as P14D or PT36H
 * engagement.points.page_veiw: unknown engagement type (did you mean page_view?); known: ...
 * rules[1].id: duplicate id "vp" (first used by rules[0])
 * rules[1].points: must be between -100 and 100, got 150
 * rules[2].dimension: unknown dimension "fitness"; known: fit, engagement, intent
 * rules[3].when.field: unknown field enrichment.person.senority (did you mean enrichment.person.seniority?)
 * rules[1].when.op: unknown operator "greater"; known: eq, in, notIn, exists, gte, lte, between, contains, endsWith
 * rules[0].when.value[1]: unknown value "vice_president" for enrichment.person.seniority; allowed: c_level, vp, ...
 * rules[0].when.all[1].not.op: operator gte needs a number field; enrichment.person.seniority is enum value (use eq or in)
 * rules[0].when.all[3].value: min 90 is greater than max 10
 * </pre>
 *
 * <h2>Performance</h2>
 * Field paths, operators and values are compiled at parse time (split paths, hash sets of
 * normalised values, numeric bounds); scoring walks the compiled tree with no reflection or
 * parsing. The default rule set scores a lead with 20 engagements in about 5 microseconds
 * ({@code RuleSetBenchmarkTest}, {@code -Dleadflow.benchmark=true}).
 */
package io.leadflow.scoring.rules;
