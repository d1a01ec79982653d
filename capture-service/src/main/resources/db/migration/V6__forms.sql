-- Forms as marketing configures them (admin API): where they may be embedded, what they require,
-- the consent they show, where the browser goes next and the attribution to assume.
create table form (
    id                    varchar(100)  primary key,
    name                  varchar(200)  not null,
    -- Origins (scheme://host[:port]) whose pages may post to this form from JavaScript (CORS) or at all.
    allowed_origins       varchar(4000) not null default '',
    -- Lead fields this form requires besides the e-mail (comma-separated public names).
    required_fields       varchar(200)  not null default '',
    consent_text          varchar(2000),
    consent_version       varchar(50),
    thank_you_url         varchar(2048),
    error_url             varchar(2048),
    default_source        varchar(200),
    default_medium        varchar(200),
    default_campaign      varchar(200),
    rate_limit_per_minute integer,
    created_at            timestamptz   not null,
    updated_at            timestamptz   not null
);
