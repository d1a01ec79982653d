-- The accounts a lead can belong to: imported by RevOps (source import) or learnt from crm-sync's events (source crm).
create table account (
    id         varchar(100) primary key,
    name       varchar(200),
    domains    text[]       not null default '{}',
    country    varchar(2),
    owner_id   varchar(100),
    source     varchar(16)  not null,
    updated_at timestamptz  not null
);
create index account_updated on account (updated_at);

-- The account a lead was matched to, its owner then, and how sure the match was (0-1).
alter table lead_enrichment add column account_id varchar(100);
alter table lead_enrichment add column account_owner_id varchar(100);
alter table lead_enrichment add column account_confidence numeric(3, 2);
alter table lead_enrichment add column state varchar(6);
