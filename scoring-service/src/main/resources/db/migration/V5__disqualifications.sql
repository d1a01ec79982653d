-- Leads an SDR disqualified (routing's LeadDisqualified), the latest reason per lead. A disqualification is a lost
-- outcome for the conversion model unless its reason is one the model does not learn from (a duplicate, a wrong
-- contact: the lead itself was not judged); the reasons not learnt are configuration, read at training time.
create table lead_disqualification (
    lead_id          uuid         primary key,
    reason           varchar(40)  not null,
    sdr_id           varchar(100),
    disqualified_at  timestamptz  not null,
    recorded_at      timestamptz  not null default now()
);
