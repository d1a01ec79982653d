-- What the job title says about the person (JobTitles): seniority, department, decision maker; and the address and
-- phone facts: a role account (info@, sales@), the phone's type by libphonenumber (null without a phone); and where
-- the lead is: sales region and main time zone (Geography; null when the country is unknown).
alter table lead_enrichment add column seniority varchar(32) not null default 'unknown';
alter table lead_enrichment add column department varchar(32) not null default 'unknown';
alter table lead_enrichment add column decision_maker boolean not null default false;
alter table lead_enrichment add column role_account boolean not null default false;
alter table lead_enrichment add column phone_type varchar(32);
alter table lead_enrichment add column region varchar(8);
alter table lead_enrichment add column time_zone varchar(64);
-- How usable the lead's data is (DataQuality), 0-100.
alter table lead_enrichment add column data_quality integer not null default 100;
