-- Idempotency-Key of engagement requests, per sender: a retried request (same key, same body) answers as the
-- first one did and stores nothing again; the same key with another body is refused. No personal data.
create table engagement_request (
    source         varchar(200) not null,
    key            varchar(200) not null,
    request_sha256 char(64)     not null,
    accepted       integer      not null,
    created_at     timestamptz  not null default now(),
    primary key (source, key)
);

-- Waiting (never linked) events are purged by age (EngagementJanitor); partial, like the other waiting indexes.
create index engagement_waiting_age_idx on engagement (occurred_at) where lead_id is null;
create index engagement_request_age_idx on engagement_request (created_at);
