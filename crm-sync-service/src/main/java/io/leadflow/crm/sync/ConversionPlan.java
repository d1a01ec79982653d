package io.leadflow.crm.sync;

import io.leadflow.crm.connector.Conversion;
import io.leadflow.crm.connector.FieldOwnership;
import io.leadflow.crm.domain.AccountMatch;
import io.leadflow.crm.messaging.in.LeadQualifiedIn;
import io.leadflow.crm.story.Amounts;
import io.leadflow.crm.story.HandOver;
import io.leadflow.crm.story.LeadStory;

import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;

/**
 * Turns a LeadQualified (and the lead's story) into what the CRM should hold: account, contact, opportunity with the
 * configured defaults and the owner from the SDR -> AE mapping. Pure: the same inputs always plan the same conversion,
 * which is what makes a retried sync write the same record.
 *
 * @param aeBySdr     SDR id to AE id
 * @param crmOwners   AE id to the connection's CRM user id (the built-in CRM uses AE ids as they are)
 * @param stage       stage of a new opportunity, null for the CRM's default
 * @param closeDays   expected close date: the qualification day plus this
 * @param amountAnswer the qualification answer the amount is read from
 */
public record ConversionPlan(Map<String, String> aeBySdr, Map<String, String> crmOwners, boolean ownersAreAeIds,
                             String stage, int closeDays, String amountAnswer) {

    public record Planned(Conversion conversion, HandOver handOver) {
    }

    public Planned plan(UUID leadId, UUID opportunityId, String crm, LeadQualifiedIn qualified, LeadStory story) {
        return plan(leadId, opportunityId, crm, qualified, story, null);
    }

    /** @param knownAccount the CRM's id of the account enrichment matched the lead to, null when none */
    public Planned plan(UUID leadId, UUID opportunityId, String crm, LeadQualifiedIn qualified, LeadStory story,
                        String knownAccount) {
        LeadQualifiedIn.Lead lead = qualified.lead();
        LeadQualifiedIn.Enrichment enrichment = qualified.enrichment() == null
                ? new LeadQualifiedIn.Enrichment(null, null, null) : qualified.enrichment();
        AccountMatch match = AccountMatch.of(lead.company(), lead.email(), lead.firstName(), lead.lastName(),
                enrichment.emailDomain(), enrichment.emailClass(), enrichment.companyDomain());
        LeadStory known = story == null ? LeadStory.UNKNOWN : story;
        // The qualifying event's snapshot knows the lead's source even when LeadAssigned was missed.
        LeadStory told = new LeadStory(first(known.source(), lead.source()), first(known.medium(), lead.medium()),
                first(known.campaign(), lead.campaign()), known.score(), known.grade(), known.reasons(),
                known.scoringRuleSet(), known.modelVersion(), known.routingRuleSet(), known.ruleId(),
                known.experimentId(), known.variant(), known.poolId(), first(known.sdrId(), qualified.sdrId()),
                known.touches());

        String aeId = aeBySdr.get(qualified.sdrId());
        String owner = aeId == null ? null : ownersAreAeIds ? aeId : crmOwners.get(aeId);
        String name = AccountMatch.opportunityName(lead.company(), match.name());
        LocalDate closeDate = qualified.qualifiedAt().atZone(ZoneOffset.UTC).toLocalDate().plusDays(closeDays);
        String amountText = qualified.qualification().answers().get(amountAnswer);
        HandOver handOver = new HandOver(leadId, opportunityId, crm, null, name, aeId, owner,
                new HandOver.Person(lead.email().toLowerCase(Locale.ROOT), lead.firstName(), lead.lastName(),
                        lead.jobTitle(), lead.phone()),
                lead.company(), told, qualified.sdrId(), qualified.qualifiedAt(), qualified.qualification(),
                qualified.notes());

        Conversion conversion = new Conversion(leadId,
                new Conversion.AccountDraft(match.name(), match.domain(), knownAccount),
                new Conversion.ContactDraft(lead.email().toLowerCase(Locale.ROOT), lead.firstName(), lead.lastName(),
                        lead.jobTitle(), lead.phone(), FieldOwnership.LIFECYCLE.get(4)),
                new Conversion.OpportunityDraft(name, stage, closeDate, Amounts.firstFigure(amountText), owner,
                        handOver.text()),
                new Conversion.Qualified(qualified.sdrId(), qualified.qualifiedAt(), qualified.qualification(),
                        qualified.bant(), qualified.notes()));
        return new Planned(conversion, handOver);
    }

    private static String first(String a, String b) {
        return a != null ? a : b;
    }
}
