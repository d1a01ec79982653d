-- When a lead first crossed the MQL threshold (LeadMarketingQualified is emitted once).
alter table lead_score add column mql_at timestamptz;

-- The engagements scoring has seen (LeadEngaged), by id: a redelivered batch counts once; a lead is re-scored on all of
-- them in event time.
create table lead_engagement (
    engagement_id uuid        primary key,
    lead_id       uuid        not null,
    type          varchar(40) not null,
    occurred_at   timestamptz not null
);
create index lead_engagement_lead on lead_engagement (lead_id);
