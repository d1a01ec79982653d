-- The routing engine: rules decide the route (a pool, a named SDR, the account owner), the pool's distribution
-- method decides who, and a lead nobody can take waits in its pool's hold queue.

-- What decided each assignment, kept for the decision record and for comparing experiment variants' outcomes.
-- Null on assignments made before the engine (round robin in the default pool).
alter table assignment add column rule_set_version varchar(64);
alter table assignment add column rule_id          varchar(64);
alter table assignment add column experiment_id    varchar(64);
alter table assignment add column variant          varchar(1) check (variant in ('A', 'B'));
alter table assignment add column bucket           int;
alter table assignment add column route            varchar(200);
-- The learned model's view from LeadScored (probability, model version): attribution of outcomes to models.
alter table assignment add column conversion       jsonb;
-- When the lead started waiting for someone to take it (null: assigned at once).
alter table assignment add column held_since       timestamptz;

alter table routing_decision drop constraint routing_decision_outcome_check;
alter table routing_decision add constraint routing_decision_outcome_check
    check (outcome in ('assigned', 'below-threshold', 'no-available-sdr', 'do-not-contact', 'held', 'unroutable'));
alter table routing_decision add column rule_set_version varchar(64);
alter table routing_decision add column rule_id          varchar(64);
alter table routing_decision add column experiment_id    varchar(64);
alter table routing_decision add column variant          varchar(1);
alter table routing_decision add column bucket           int;
alter table routing_decision add column route            varchar(200);
-- The field values that made the rule match, and the steps taken (owner unavailable, pool missing, fallback...).
alter table routing_decision add column evidence         jsonb;
alter table routing_decision add column steps            jsonb;
alter table routing_decision add column held_since       timestamptz;

-- The hold queue: leads nobody in their pool could take, first in first out per pool. A lead leaves it when a
-- member can take it (tried at once when a routing of the pool runs, and by the hold sweeper every second), or
-- moves to the pool's fallback pool at fallback_at. The snapshots and the rule decision are those of LeadScored.
create table routing_hold (
    lead_id          uuid         primary key,
    pool_id          varchar(64)  not null references pool (id),
    held_since       timestamptz  not null,
    pool_since       timestamptz  not null,
    retry_at         timestamptz,
    fallback_at      timestamptz,
    lead             jsonb        not null,
    enrichment       jsonb,
    score            jsonb        not null,
    conversion       jsonb,
    rule_set_version varchar(64),
    rule_id          varchar(64),
    experiment_id    varchar(64),
    variant          varchar(1),
    bucket           int,
    route            varchar(200)
);
create index routing_hold_pool_idx on routing_hold (pool_id, held_since, lead_id);
