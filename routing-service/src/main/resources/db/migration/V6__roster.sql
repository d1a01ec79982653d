-- The roster grows what routing needs to decide who can take a lead (availability, caps) and how a
-- pool shares its leads (method, weights). Every default keeps existing rows valid and behaving as
-- before: UTC, around the clock, no holidays, not paused, no caps, strict round robin, weight 1.

-- An SDR's schedule, in their own IANA time zone. working_hours: {"monday": ["09:00-12:30", "13:30-18:00"],
-- "friday": ["22:00-06:00"]} (a missing weekday is a day off; an end at or before the start crosses
-- midnight); null = around the clock. holidays: whole local days, {"2026-12-25": "Christmas", "2026-05-01": null}
-- (an object keyed by date, not an array: the reactive client maps only objects onto a jsonb entity column).
alter table sdr add column time_zone         varchar(64)  not null default 'UTC';
alter table sdr add column working_hours     jsonb;
alter table sdr add column holidays          jsonb        not null default '{}';
-- A manual pause (by the SDR or RevOps): skipped until resumed.
alter table sdr add column paused            boolean      not null default false;
alter table sdr add column paused_at         timestamptz;
alter table sdr add column paused_by         varchar(254);
-- Caps, null = none: open leads (ASSIGNED or ACCEPTED) and new leads per local day.
alter table sdr add column max_open_leads    int          check (max_open_leads >= 1);
alter table sdr add column max_leads_per_day int          check (max_leads_per_day >= 1);
alter table sdr add column manager_email     varchar(254);
alter table sdr add column updated_at        timestamptz;

-- Out-of-office periods [starts_at, ends_at): added and removed one by one through the roster API.
create table sdr_out_of_office (
    id          uuid          primary key,
    sdr_id      varchar(64)   not null references sdr (id),
    starts_at   timestamptz   not null,
    ends_at     timestamptz   not null,
    note        varchar(500),
    created_at  timestamptz   not null,
    created_by  varchar(254),
    check (ends_at > starts_at)
);
-- A decision reads an SDR's current and future periods.
create index sdr_out_of_office_sdr_idx on sdr_out_of_office (sdr_id, ends_at);

-- How a pool shares its leads, who manages it, and where a lead nobody can take goes: after
-- fallback_after_seconds on hold (0 = at once) to fallback_pool_id; without a fallback pool it waits
-- until a member can take it.
alter table pool add column distribution_method    varchar(32)  not null default 'STRICT_ROUND_ROBIN'
    check (distribution_method in ('STRICT_ROUND_ROBIN', 'WEIGHTED_ROUND_ROBIN', 'LEAST_LOADED'));
alter table pool add column manager_email          varchar(254);
alter table pool add column fallback_pool_id       varchar(64)  references pool (id);
alter table pool add column fallback_after_seconds bigint       check (fallback_after_seconds >= 0);
alter table pool add column updated_at             timestamptz;
alter table pool add constraint pool_fallback_not_itself check (fallback_pool_id <> id);

-- A member's weight (weighted round robin) and smooth-weighted-round-robin current weight, moved only
-- under the pool row's lock, like last_position, so that replicas keep the exact sequence.
alter table pool_member add column weight         int    not null default 1 check (weight >= 1);
alter table pool_member add column current_weight bigint not null default 0;

-- The decision record: every member looked at, with the reason they were skipped (filled by the engine).
alter table routing_decision add column candidates jsonb;

-- Caps count an SDR's open leads; the fairness report counts a pool's leads in a period.
create index assignment_sdr_open_idx on assignment (sdr_id) where status in ('ASSIGNED', 'ACCEPTED');
create index assignment_pool_assigned_idx on assignment (pool_id, assigned_at);
