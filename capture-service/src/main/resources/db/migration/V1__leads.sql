-- A captured lead as the person submitted it (normalised), with consent and source attribution.
create table lead (
    id                uuid          primary key,
    submission_id     uuid          not null unique,
    channel           varchar(16)   not null,
    email             varchar(254)  not null,
    first_name        varchar(100),
    last_name         varchar(100),
    company           varchar(200),
    job_title         varchar(200),
    phone             varchar(50),
    country           char(2),
    message           varchar(5000),
    consent_marketing boolean,
    consent_text      varchar(2000),
    consent_version   varchar(50),
    utm_source        varchar(200),
    utm_medium        varchar(200),
    utm_campaign      varchar(200),
    utm_term          varchar(200),
    utm_content       varchar(200),
    page_url          varchar(2048),
    referrer          varchar(2048),
    form_id           varchar(100),
    captured_at       timestamptz   not null
);

create index lead_email_idx on lead (email);

-- A client's Idempotency-Key: the same key always answers with the lead it first created.
create table idempotency_key (
    key          varchar(200) primary key,
    lead_id      uuid         not null references lead (id),
    created_at   timestamptz  not null default now()
);
