-- SLA policies as data (versioned like the rule sets: platform/web RuleSetStore).
create table sla_policy_set (
    version      varchar(64)  primary key,
    status       varchar(16)  not null check (status in ('draft', 'active', 'retired')),
    definition   text         not null,
    created_at   timestamptz  not null,
    created_by   varchar(200) not null,
    activated_at timestamptz
);
create unique index sla_policy_set_one_active on sla_policy_set (status) where status = 'active';

-- What the SLA service knows of each assigned lead: the policy it falls under, who holds it, and its contact
-- history so far. One row per lead, written by the consumers; the clocks refer to it.
create table sla_lead (
    lead_id         uuid         primary key,
    policy_id       varchar(64)  not null,
    policy_version  varchar(64)  not null,
    assignment_id   uuid         not null,
    sdr_id          varchar(100) not null,
    pool_id         varchar(100),
    captured_at     timestamptz  not null,
    assigned_at     timestamptz  not null,
    accepted_at     timestamptz,
    first_touch_at  timestamptz,
    attempts        integer      not null default 0,
    contacted_at    timestamptz,
    closed_at       timestamptz,
    close_reason    varchar(64),
    facts           jsonb        not null default '{}'
);

-- Clocks v2: one per assignment holder and attempt, so a reassigned lead gets a fresh clock for its new SDR and a
-- follow-up gets its own; at most one clock of a lead runs at a time.
alter table sla_clock drop constraint sla_clock_lead_kind_key;
alter table sla_clock drop constraint sla_clock_state_check;
alter table sla_clock add constraint sla_clock_state_check check (state in ('RUNNING', 'MET', 'BREACHED', 'CANCELLED'));
alter table sla_clock add column pool_id varchar(100);
alter table sla_clock add column attempt integer not null default 1;
alter table sla_clock add column policy_id varchar(64) not null default 'default';
alter table sla_clock add column at_risk_at timestamptz;
alter table sla_clock add column at_risk_sent_at timestamptz;
alter table sla_clock add column breach_number integer;
alter table sla_clock add column stop_reason varchar(32);
alter table sla_clock alter column policy_id drop default;
create unique index sla_clock_one_running on sla_clock (lead_id) where state = 'RUNNING';
create index sla_clock_lead_idx on sla_clock (lead_id);
-- The at-risk scan: running clocks whose warning is due and not yet sent.
create index sla_clock_at_risk_idx on sla_clock (at_risk_at) where state = 'RUNNING' and at_risk_sent_at is null;
