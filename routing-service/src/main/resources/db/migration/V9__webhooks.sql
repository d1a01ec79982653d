-- Webhooks RevOps registers for an SDR or a pool: every lead assigned to the SDR (or in the pool) is posted there,
-- Slack-compatible and HMAC-signed. The secret is not stored: it is derived from the service's signing key and the id.
create table notification_webhook (
    id         uuid          primary key,
    sdr_id     varchar(64)   references sdr (id),
    pool_id    varchar(64)   references pool (id),
    url        varchar(2000) not null,
    created_at timestamptz   not null,
    created_by varchar(200),
    check ((sdr_id is null) <> (pool_id is null))
);
create index notification_webhook_sdr_idx on notification_webhook (sdr_id);
create index notification_webhook_pool_idx on notification_webhook (pool_id);
