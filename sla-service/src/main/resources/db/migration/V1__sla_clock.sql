-- One SLA clock per lead and kind. A clock runs from the lead's capture (speed to lead is measured
-- from the submission) until the SDR accepts the lead (MET) or its deadline passes (BREACHED).
-- Clocks are rows, so they survive restarts; replicas share them by claiming due rows with
-- FOR UPDATE SKIP LOCKED.
create table sla_clock (
    id            uuid         primary key,
    lead_id       uuid         not null,
    assignment_id uuid         not null,
    sdr_id        varchar(100) not null,
    kind          varchar(32)  not null,
    state         varchar(16)  not null check (state in ('RUNNING', 'MET', 'BREACHED')),
    started_at    timestamptz  not null,
    due_at        timestamptz  not null,
    stopped_at    timestamptz,
    breached_at   timestamptz,
    constraint sla_clock_lead_kind_key unique (lead_id, kind)
);

-- The breach scan: running clocks in deadline order.
create index sla_clock_running_due_idx on sla_clock (due_at) where state = 'RUNNING';
-- The RevOps breach list: most recent first.
create index sla_clock_breached_idx on sla_clock (breached_at desc) where state = 'BREACHED';
