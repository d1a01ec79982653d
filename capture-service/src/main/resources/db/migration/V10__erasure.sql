-- Right to erasure (admin API). The lead and submission rows stay, with the person's data removed
-- (e-mail, names, company, job title, phones, message, visitor id, URL query strings): what is left
-- (channel, form, country, consent given, UTM, times) is not about anyone and keeps the funnel counts.
alter table lead alter column email drop not null;
alter table submission alter column email drop not null;

-- One row per erased lead: who erased it, when, why; no personal data. The leads erased by one request
-- (a person's lead and the spam or pre-identity leads that hold the same address) share request_id.
create table erasure (
    lead_id           uuid          primary key references lead (id),
    request_id        uuid          not null,
    -- the lead the request named (by id, or the person's lead of the e-mail); false for the others
    requested         boolean       not null,
    erased_at         timestamptz   not null,
    erased_by         varchar(200)  not null,
    reason            varchar(500),
    request_reference varchar(200),
    -- LeadErased was published (false for spam, which was never announced)
    announced         boolean       not null
);

create index erasure_request_idx on erasure (request_id);

-- Erasure by e-mail also finds the leads without an identity key that hold the address (spam, and
-- leads captured before one lead per person existed).
create index lead_unkeyed_email_idx on lead (lower(email)) where email_key is null;
