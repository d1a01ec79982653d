-- Qualification templates (routing V10): LeadQualified carries the framework and the answers
-- ({"framework": "meddic", "answers": {...}}), and bant only when the framework is bant.
-- The opportunity keeps the qualification as it came; bant stays for BANT qualifications (the API and readers of
-- the column keep working) and is null for the other frameworks. Opportunities opened before were all BANT.
alter table opportunity add column qualification jsonb;

update opportunity
   set qualification = jsonb_build_object('framework', 'bant', 'answers', jsonb_strip_nulls(bant))
 where bant is not null;

alter table opportunity alter column bant drop not null;
