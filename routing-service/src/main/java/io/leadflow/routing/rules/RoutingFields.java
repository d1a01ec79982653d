package io.leadflow.routing.rules;

import io.leadflow.rules.FactField;
import io.leadflow.rules.FieldCatalog;
import io.leadflow.rules.LeadFields;

import java.util.Map;

/**
 * The whitelist of fields a routing rule may test: a LeadScored as routing receives it. {@code lead.*} and
 * {@code enrichment.*} are the lead and enrichment snapshots ({@link LeadFields}, plus the state, time zone and
 * account fields routing decides on), {@code score.*} what scoring gave, {@code conversion.*} the learned model's
 * view (absent until a model is trained). Every path is read from the JSON as it is: a new field needs a line
 * here, no code.
 */
public final class RoutingFields {

    /** The grades scoring gives: fit letter x engagement digit, and the letter alone of older events. */
    static final String[] GRADES = {"A1", "A2", "A3", "A4", "B1", "B2", "B3", "B4", "C1", "C2", "C3", "C4",
        "D1", "D2", "D3", "D4", "A", "B", "C", "D"};

    private static final FieldCatalog CATALOG = build();

    private RoutingFields() {
    }

    /** The catalogue conditions are validated against. */
    static FieldCatalog catalog() {
        return CATALOG;
    }

    /** Every field by path, in documentation order. */
    public static Map<String, FactField> fields() {
        return CATALOG.fields();
    }

    private static FieldCatalog build() {
        FieldCatalog.Builder m = LeadFields.addTo(FieldCatalog.builder());
        // lead: more of the snapshot (LeadEnriched.lead), and two fields capture does not collect yet
        m.text("lead.state", "state, province or region as typed");
        m.text("lead.language", "the language the person wrote in (not in the contract yet: absent until capture"
                + " collects it)");
        m.text("lead.productInterest", "the product the person asked about (not in the contract yet: absent until"
                + " capture collects it)");
        // enrichment: where the lead is, and the account match
        m.text("enrichment.geography.timeZone", "IANA time zone, e.g. Europe/Paris");
        m.text("enrichment.account.ownerId", "the owner of the matched account (an SDR id); absent when it has none");
        m.number("enrichment.account.confidence", "how sure the account match is, 0-1");
        m.enumField("enrichment.account.method", "how the account was matched", "domain", "name");
        // score: what scoring gave (LeadScored.score)
        m.number("score.value", "the score, 0-100");
        m.enumField("score.grade", "fit letter x engagement digit (A1 best); the letter alone on older events", GRADES);
        m.enumField("score.temperature", "by total score", "cold", "warm", "hot");
        m.bool("score.mql", "at or above the rule set's MQL threshold, and not disqualified");
        m.number("score.fit", "fit points (capped)");
        m.number("score.engagement", "engagement points, decayed (capped)");
        m.number("score.intent", "intent points (capped)");
        m.text("score.ruleSetVersion", "the scoring rule set that scored the lead");
        // conversion: the learned model (LeadScored.conversion, null until a model is trained)
        m.number("conversion.probability", "the probability the lead converts, 0-1");
        m.number("conversion.modelVersion", "the model that said it");
        return m.build();
    }
}
