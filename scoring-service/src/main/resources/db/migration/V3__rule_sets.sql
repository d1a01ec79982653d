-- Rule sets RevOps edits as JSON: drafts, the active one (one at most) and those it replaced (kept for roll-back).
create table rule_set (
    version      varchar(64)  primary key,
    status       varchar(16)  not null check (status in ('draft', 'active', 'retired')),
    definition   text         not null,
    created_at   timestamptz  not null,
    created_by   varchar(200),
    activated_at timestamptz
);
create unique index rule_set_one_active on rule_set (status) where status = 'active';

-- Grades are now fit letter x engagement digit ("A1"); the dimensions, temperature and MQL are kept per lead; facts
-- is the LeadEnriched snapshot the rules read (for dry-runs of a draft; erased with the lead).
alter table lead_score alter column grade type varchar(2);
alter table lead_score add column fit int;
alter table lead_score add column engagement int;
alter table lead_score add column intent int;
alter table lead_score add column temperature varchar(8);
alter table lead_score add column mql boolean not null default false;
alter table lead_score add column facts text;
