-- Transactional outbox: a service writes its business rows and one row here in the same
-- transaction; Debezium's Outbox Event Router relays each inserted row to
-- leads.<aggregatetype>.v1 with key = aggregateid, header id = id, header eventType = type.
create table outbox (
    id            uuid         primary key,
    aggregatetype varchar(64)  not null,
    aggregateid   varchar(64)  not null,
    type          varchar(64)  not null,
    payload       jsonb        not null,
    occurred_at   timestamptz  not null
);

create index outbox_occurred_at_idx on outbox (occurred_at);

-- Inbox: the events a consumer has already applied, written in the same transaction as the
-- effect, so a redelivered event is recognised and skipped (exactly-once effect).
create table inbox (
    consumer     varchar(64) not null,
    event_id     uuid        not null,
    processed_at timestamptz not null default now(),
    primary key (consumer, event_id)
);
