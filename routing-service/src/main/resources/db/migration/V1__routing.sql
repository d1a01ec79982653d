-- The SDR roster: who can receive leads. An SDR's id is the subject of their JWT.
create table sdr (
    id         varchar(64)  primary key,
    name       varchar(200) not null,
    email      varchar(254) not null,
    active     boolean      not null default true
);

-- A round-robin pool. last_position is the rotation cursor: the position of the member who got
-- the pool's last lead (-1 = nobody yet). It is read and moved under the pool row's lock
-- (select ... for update), so several routing replicas never hand out the same turn twice.
create table pool (
    id            varchar(64)  primary key,
    name          varchar(200) not null,
    last_position int          not null default -1
);

create table pool_member (
    pool_id   varchar(64) not null references pool (id),
    sdr_id    varchar(64) not null references sdr (id),
    position  int         not null,
    primary key (pool_id, sdr_id),
    unique (pool_id, position)
);

-- One lead, one assignment: a re-scored lead is never routed twice (unique lead_id).
-- lead, enrichment and score are the snapshots LeadScored carried, kept as they came so that
-- LeadAssigned and LeadQualified pass them on without this service modelling every field.
create table assignment (
    id               uuid         primary key,
    lead_id          uuid         not null unique,
    sdr_id           varchar(64)  not null references sdr (id),
    pool_id          varchar(64)  not null references pool (id),
    status           varchar(16)  not null check (status in ('ASSIGNED', 'ACCEPTED', 'QUALIFIED')),
    lead             jsonb        not null,
    enrichment       jsonb,
    score            jsonb        not null,
    score_value      int          not null,
    grade            varchar(1)   not null,
    assigned_at      timestamptz  not null,
    accepted_at      timestamptz,
    qualified_at     timestamptz,
    bant             jsonb,
    notes            varchar(5000),
    decision_micros  bigint       not null
);

-- The SDR inbox lists an SDR's own leads, newest first.
create index assignment_sdr_assigned_idx on assignment (sdr_id, assigned_at desc);

-- Why each scored lead went where it went (or nowhere): the routing audit, latest decision per lead.
create table routing_decision (
    lead_id          uuid         primary key,
    outcome          varchar(32)  not null check (outcome in ('assigned', 'below-threshold', 'no-available-sdr')),
    score            int          not null,
    threshold        int          not null,
    pool_id          varchar(64),
    sdr_id           varchar(64),
    assignment_id    uuid,
    decided_at       timestamptz  not null,
    decision_micros  bigint       not null
);
