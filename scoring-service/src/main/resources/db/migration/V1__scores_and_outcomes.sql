-- The current score of each lead, with the reasons and the rule-set version that produced it.
create table lead_score (
    lead_id          uuid        primary key,
    score            int         not null check (score between 0 and 100),
    grade            char(1)     not null,
    reasons          text        not null,
    rule_set_version varchar(64) not null,
    scored_at        timestamptz not null
);

-- Won/lost outcomes of the opportunities a lead became: what the scoring model learns from.
create table lead_outcome (
    opportunity_id uuid          primary key,
    lead_id        uuid          not null,
    outcome        varchar(8)    not null check (outcome in ('WON', 'LOST')),
    reason         varchar(500),
    amount         numeric(14, 2),
    closed_at      timestamptz   not null,
    recorded_at    timestamptz   not null default now()
);

create index lead_outcome_lead_idx on lead_outcome (lead_id);
