-- Reassignment: an SLA breach moves a lead to the next member of its pool, and after
-- leadflow.routing.reassignment.escalate-after-breaches breaches to the pool's manager; an SDR can decline a lead.

-- SlaBreached events applied to the lead while an SDR held it (whoever held it): the escalation counts them.
alter table assignment add column sla_breaches int not null default 0;

-- Every decline: who gave the lead back and why (a reason code; the note travels in LeadReassigned only, so
-- nothing here is about the person). Automatic reassignments of the lead pass over its decliners.
create table lead_decline (
    id            uuid          primary key,
    assignment_id uuid          not null references assignment (id),
    lead_id       uuid          not null,
    sdr_id        varchar(64)   not null references sdr (id),
    reason        varchar(32)   not null,
    declined_at   timestamptz   not null
);
create index lead_decline_lead_idx on lead_decline (lead_id);
