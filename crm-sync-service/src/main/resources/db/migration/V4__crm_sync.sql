-- CRM connectors: a durable sync job per sales-qualified lead, the log of every CRM call, the lead's story (for the
-- AE and for attribution) and the polling cursor of each connection.

-- One row per qualified lead (the primary key makes it one opportunity per lead, whatever is redelivered). Written in
-- the LeadQualified inbox transaction; the sync worker calls the CRM outside any transaction and commits the result
-- only while it still holds the lease (lease_token), so a worker that stalled past its lease cannot commit twice.
create table crm_sync (
    lead_id                  uuid          primary key,
    connection               varchar(64)   not null,
    crm                      varchar(16)   not null,
    opportunity_id           uuid          not null unique,
    conversion               jsonb         not null,
    hand_over                jsonb,
    state                    varchar(8)    not null check (state in ('pending', 'synced', 'failed')),
    attempts                 int           not null default 0,
    next_attempt_at          timestamptz   not null,
    lease_token              uuid,
    leased_until             timestamptz,
    last_error               varchar(2000),
    account_id               uuid,
    crm_account_id           varchar(64),
    crm_contact_id           varchar(64),
    crm_opportunity_id       varchar(64),
    owner_id                 varchar(100),
    stage                    varchar(64),
    lifecycle                varchar(32),
    lifecycle_pushed         varchar(32),
    closed_at                timestamptz,
    outcome                  varchar(8)    check (outcome in ('WON', 'LOST')),
    amount                   numeric(14, 2),
    loss_reason              varchar(500),
    crm_modified_at          timestamptz,
    ae_notified_at           timestamptz,
    created_at               timestamptz   not null,
    synced_at                timestamptz,
    updated_at               timestamptz   not null
);

-- The worker's scan: due pending jobs, oldest first.
create index crm_sync_due_idx on crm_sync (next_attempt_at) where state = 'pending';
create index crm_sync_failed_idx on crm_sync (updated_at desc) where state = 'failed';
create index crm_sync_crm_opportunity_idx on crm_sync (connection, crm_opportunity_id);
-- A later lead that enrichment matched to an account Leadflow announced finds the CRM's id of it.
create index crm_sync_account_idx on crm_sync (connection, account_id);
create index crm_sync_notify_idx on crm_sync (synced_at) where state = 'synced' and ae_notified_at is null;

-- Every call to a CRM: what it was for, the CRM's request id, how it ended and how long it took.
create table crm_sync_log (
    id          bigserial     primary key,
    lead_id     uuid,
    connection  varchar(64)   not null,
    operation   varchar(64)   not null,
    method      varchar(8),
    path        varchar(500),
    request_id  varchar(100),
    status      int           not null,
    outcome     varchar(16)   not null,
    latency_ms  bigint        not null,
    error       varchar(2000),
    at          timestamptz   not null
);

create index crm_sync_log_lead_idx on crm_sync_log (lead_id, id);
create index crm_sync_log_at_idx on crm_sync_log (at desc);

-- What the AE needs to know and what outcomes are attributed to: read from LeadAssigned, LeadReassigned and
-- LeadTouched on leads.routing.v1 (the same partition as LeadQualified, so it is here before the qualification).
create table lead_story (
    lead_id    uuid        primary key,
    story      jsonb       not null,
    updated_at timestamptz not null
);

-- Where each connection's poll of changed opportunities continues.
create table crm_poll_cursor (
    connection varchar(64) primary key,
    since      timestamptz not null
);

-- The built-in CRM's opportunities move through more stages than discovery, and say when they last changed.
alter table opportunity drop constraint opportunity_stage_check;
alter table opportunity add constraint opportunity_stage_check
    check (stage in ('discovery', 'demo', 'proposal', 'negotiation', 'closed-won', 'closed-lost'));
alter table opportunity add column updated_at timestamptz;
update opportunity set updated_at = coalesce(closed_at, created_at);
alter table opportunity alter column updated_at set not null;
alter table opportunity alter column updated_at set default now();
