-- What enrichment derived for each lead (one row per lead; a re-capture refreshes it).
create table lead_enrichment (
    lead_id        uuid         primary key,
    email_domain   varchar(253) not null,
    email_class    varchar(16)  not null,
    company_domain varchar(253),
    enriched_at    timestamptz  not null
);
