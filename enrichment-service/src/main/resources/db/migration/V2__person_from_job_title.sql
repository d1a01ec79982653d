-- What the job title says about the person (JobTitles): seniority, department, decision maker.
alter table lead_enrichment add column seniority varchar(32) not null default 'unknown';
alter table lead_enrichment add column department varchar(32) not null default 'unknown';
alter table lead_enrichment add column decision_maker boolean not null default false;
