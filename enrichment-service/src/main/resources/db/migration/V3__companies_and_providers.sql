-- Company reference data the operator loads (CSV); looked up by the lead's company domain.
create table reference_company (
    domain     varchar(253) primary key,
    name       varchar(200),
    industry   varchar(100),
    employees  varchar(50),
    revenue    varchar(50),
    country    varchar(2),
    loaded_at  timestamptz not null
);

-- Answers of remote providers (found or not), kept until expires_at so a domain is not bought twice.
create table provider_cache (
    provider   varchar(64)  not null,
    domain     varchar(253) not null,
    found      boolean      not null,
    facts      jsonb,
    fetched_at timestamptz  not null,
    expires_at timestamptz  not null,
    primary key (provider, domain)
);
create index provider_cache_expiry on provider_cache (expires_at);

-- Leads waiting for a provider: pending until the time budget ends (then emitted partial), partial until a late answer
-- (then emitted again). The captured lead is kept to build the event; the row goes when the lead is complete or erased.
create table pending_enrichment (
    lead_id         uuid        primary key,
    captured        text        not null,
    status          varchar(16) not null,
    deadline        timestamptz not null,
    next_attempt_at timestamptz,
    attempts        integer     not null default 0,
    created_at      timestamptz not null
);
create index pending_enrichment_due on pending_enrichment (status, deadline);

-- The company as merged from the form and the providers, and whether the enrichment is final.
alter table lead_enrichment add column company_name varchar(200);
alter table lead_enrichment add column industry varchar(32);
alter table lead_enrichment add column employee_band varchar(16);
alter table lead_enrichment add column revenue_band varchar(16);
alter table lead_enrichment add column hq_country varchar(2);
alter table lead_enrichment add column partial boolean not null default false;
alter table lead_enrichment add column revision integer not null default 1;
