-- Right to erasure: an erased contact keeps its row (the opportunity and account still point to it)
-- without the person's e-mail.
alter table contact alter column email drop not null;
