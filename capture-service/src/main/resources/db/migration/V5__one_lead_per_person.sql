-- One lead per person. The identity is the normalised e-mail (whole address lower-cased, domain in
-- ASCII); every submission is kept on its own row, so a repeat visitor is one lead with a history.

create table submission (
    id                 uuid          primary key,
    lead_id            uuid          not null references lead (id),
    channel            varchar(16)   not null,
    form_id            varchar(100),
    submitted_at       timestamptz   not null,
    email              varchar(254)  not null,
    first_name         varchar(100),
    last_name          varchar(100),
    company            varchar(200),
    job_title          varchar(200),
    phone              varchar(50),
    phone_raw          varchar(50),
    country            char(2),
    message            varchar(5000),
    -- Consent as this submission gave it: the text the person saw, its version, and when (submitted_at).
    consent_marketing  boolean,
    consent_text       varchar(2000),
    consent_version    varchar(50),
    utm_source         varchar(200),
    utm_medium         varchar(200),
    utm_campaign       varchar(200),
    utm_term           varchar(200),
    utm_content        varchar(200),
    page_url           varchar(2048),
    referrer           varchar(2048),
    first_seen_at      timestamptz,
    visitor_id         varchar(64),
    spam_reason        varchar(40),
    -- Progressive profiling: the lead fields this submission filled, and those where it disagreed
    -- with the lead (the lead keeps its value; this row keeps the other one).
    filled_fields      varchar(200),
    conflicting_fields varchar(200)
);

create index submission_lead_idx on submission (lead_id, submitted_at);
create index submission_visitor_idx on submission (visitor_id) where visitor_id is not null;

-- Every lead captured so far was its own first submission.
insert into submission (id, lead_id, channel, form_id, submitted_at, email, first_name, last_name, company, job_title,
                        phone, phone_raw, country, message, consent_marketing, consent_text, consent_version,
                        utm_source, utm_medium, utm_campaign, utm_term, utm_content, page_url, referrer, spam_reason)
select submission_id, id, channel, form_id, captured_at, email, first_name, last_name, company, job_title,
       phone, phone_raw, country, message, consent_marketing, consent_text, consent_version,
       utm_source, utm_medium, utm_campaign, utm_term, utm_content, page_url, referrer, spam_reason
from lead;

alter table lead add column email_key varchar(320);
alter table lead add column last_submitted_at timestamptz;
alter table lead add column submission_count integer not null default 1;
update lead set last_submitted_at = captured_at;
alter table lead alter column last_submitted_at set not null;

-- Leads captured before identity existed: the earliest real (non-spam) lead of an address becomes
-- that person's lead; later duplicates keep no key (they were already announced and routed).
update lead l set email_key = lower(l.email)
where l.spam_reason is null
  and not exists (select 1 from lead e
                  where lower(e.email) = lower(l.email) and e.spam_reason is null
                    and (e.captured_at, e.id) < (l.captured_at, l.id));

-- Spam leads never get a key: a bot using a real person's address never touches that person's lead.
create unique index lead_email_key_uq on lead (email_key);
