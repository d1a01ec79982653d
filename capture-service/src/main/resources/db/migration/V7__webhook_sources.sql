-- Ad platforms and partner tools that post signed webhooks: how a delivery is authenticated (the
-- signing secret, and the previous one during a rotation's grace period) and how a lead is read from
-- its JSON (lead field -> JSON Pointer, and defaults for fields a delivery leaves empty).
-- The secret is kept as such: the service must compute the HMAC with it. It is never logged and only
-- ever returned once, when it is made.
create table webhook_source (
    id                         varchar(64)  primary key,
    name                       varchar(200) not null,
    enabled                    boolean      not null,
    mapping                    jsonb        not null,
    defaults                   jsonb        not null,
    secret                     varchar(100) not null,
    secret_rotated_at          timestamptz  not null,
    previous_secret            varchar(100),
    previous_secret_expires_at timestamptz,
    created_at                 timestamptz  not null,
    updated_at                 timestamptz  not null
);
