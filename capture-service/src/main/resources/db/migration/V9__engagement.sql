-- Engagement: what a lead, or a visitor who may become one, did (page views, e-mail opens and clicks, downloads,
-- webinars, demo requests, pricing page visits). Written a batch at a time by one statement; no entity per event.
-- An event is keyed by the identity key of an e-mail (integrations) or by the snippet's anonymous visitor id; it
-- carries its lead once known: at once for a known person, or when a later submission links the visitor.
create table engagement (
    id           uuid          primary key,
    lead_id      uuid          references lead (id),
    email_key    varchar(320),
    visitor_id   varchar(64),
    type         varchar(32)   not null,
    occurred_at  timestamptz   not null,
    received_at  timestamptz   not null,
    -- When the event got its lead: received_at for a known person, the linking submission's time otherwise.
    linked_at    timestamptz,
    url          varchar(2048),
    title        varchar(300),
    utm_source   varchar(200),
    utm_medium   varchar(200),
    utm_campaign varchar(200),
    utm_term     varchar(200),
    utm_content  varchar(200),
    -- Small flat type-specific facts (webinarId, contentName, emailId ...), at most 10 entries.
    detail       jsonb,
    form_id      varchar(100),
    -- 'browser' (anonymous beacon) or 'integration:<token subject>'.
    source       varchar(200)  not null,
    constraint engagement_keyed check (email_key is not null or visitor_id is not null),
    constraint engagement_linked check ((lead_id is null) = (linked_at is null))
);

-- A lead's engagement in time order (scoring replays, RevOps).
create index engagement_lead_idx on engagement (lead_id, occurred_at) where lead_id is not null;
-- The anonymous events a submission links: by visitor id, or by the e-mail an integration sent before the person
-- became a lead. Partial, so linked events (nearly all of them in time) cost these indexes nothing.
create index engagement_waiting_visitor_idx on engagement (visitor_id) where lead_id is null and email_key is null;
create index engagement_waiting_email_idx on engagement (email_key) where lead_id is null;
