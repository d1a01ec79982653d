-- The built-in CRM: accounts (companies), contacts (people) and opportunities (deals).

-- One account per company domain; an account without a domain (a lead with a personal address and
-- no company domain) is only ever reached through its contacts.
create table account (
    id         uuid         primary key,
    name       varchar(200) not null,
    domain     varchar(253) unique,
    created_at timestamptz  not null
);

-- One contact per e-mail address (stored lower case); later qualifications refresh the details.
create table contact (
    id         uuid         primary key,
    email      varchar(254) not null unique,
    first_name varchar(100),
    last_name  varchar(100),
    job_title  varchar(200),
    phone      varchar(50),
    account_id uuid         not null references account (id),
    created_at timestamptz  not null,
    updated_at timestamptz  not null
);

create index contact_account_idx on contact (account_id);

-- Exactly one opportunity per qualified lead (unique lead_id), whatever is redelivered.
create table opportunity (
    id           uuid          primary key,
    lead_id      uuid          not null unique,
    account_id   uuid          not null references account (id),
    contact_id   uuid          not null references contact (id),
    name         varchar(300)  not null,
    stage        varchar(32)   not null check (stage in ('discovery', 'closed-won', 'closed-lost')),
    owner_id     varchar(100)  not null,
    amount       numeric(14, 2) check (amount >= 0),
    bant         jsonb         not null,
    notes        varchar(5000),
    qualified_at timestamptz   not null,
    created_at   timestamptz   not null,
    closed_at    timestamptz,
    outcome      varchar(8)    check (outcome in ('WON', 'LOST')),
    close_reason varchar(500),
    check ((outcome is null) = (closed_at is null))
);

create index opportunity_account_idx on opportunity (account_id);
create index opportunity_created_idx on opportunity (created_at desc);
