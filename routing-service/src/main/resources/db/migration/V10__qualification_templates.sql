-- Qualification templates: an SDR qualifies a lead with a framework (bant, meddic, champ, or one RevOps configures),
-- stored as {"framework": "meddic", "answers": {"metrics": "...", ...}}.
--
-- bant stays, and stays filled for BANT qualifications (the same four answers in their old shape): LeadQualified
-- still carries them as its bant object, and reports and ad-hoc queries that read assignment.bant keep working.
-- Other frameworks leave it null. Qualifications recorded before V10 were all BANT: they get the new column too,
-- so that qualification is the one column to read from now on.
alter table assignment add column qualification jsonb;

update assignment
   set qualification = jsonb_build_object('framework', 'bant', 'answers', bant)
 where bant is not null;
