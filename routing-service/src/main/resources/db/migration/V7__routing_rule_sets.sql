-- Routing rule sets RevOps edits as JSON (kept by platform/web's RuleSetStore): drafts, the active one (one at most)
-- and those it replaced (kept for roll-back). The shipped default-1 (everything to pool default) is the first active.
create table routing_rule_set (
    version      varchar(64)  primary key,
    status       varchar(16)  not null check (status in ('draft', 'active', 'retired')),
    definition   text         not null,
    created_at   timestamptz  not null,
    created_by   varchar(200),
    activated_at timestamptz
);
create unique index routing_rule_set_one_active on routing_rule_set (status) where status = 'active';

-- A dry-run replays the latest routed leads (their assignment snapshots), newest first.
create index assignment_assigned_idx on assignment (assigned_at desc);
