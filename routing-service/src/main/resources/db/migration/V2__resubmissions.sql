-- The person behind an assigned lead submitted again (capture's LeadResubmitted): how often, and the
-- latest submission, so the SDR sees it in the list as well as live.
alter table assignment add column resubmissions int not null default 0;
alter table assignment add column last_resubmission jsonb;
