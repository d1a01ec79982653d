-- Do not contact: a person asked not to be contacted (an objection, an unsubscribe from sales).
-- Kept by identity key, so it holds for leads that do not exist yet; the lead carries the flag.
create table do_not_contact (
    email_key     varchar(320)  primary key,
    reason        varchar(500),
    requested_by  varchar(200)  not null,
    created_at    timestamptz   not null
);

alter table lead add column do_not_contact boolean not null default false;
