-- The phone is stored in E.164 (libphonenumber); what the person typed is kept beside it.
alter table lead add column phone_raw varchar(50);
