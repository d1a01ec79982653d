-- The KPI read model, built from the events of every service (capture, scoring, routing, crm-sync, and the SLA
-- clocks). kpi_lead holds one row per lead with the moments it reached each stage; kpi_rollup holds, per capture
-- month and dimension value, the counts, speed-to-lead histograms and stage durations the KPI endpoints answer from
-- (months x keys rows, whatever the number of leads). Both are written in the consumers' inbox transactions.
create table kpi_lead (
    lead_id        uuid         primary key,
    captured_at    timestamptz,             -- null until an event carrying the capture time is read
    cohort         date,                    -- first day of the capture month (UTC): the rollup row the lead counts in
    source         varchar(200),
    campaign       varchar(200),
    channel        varchar(200),
    pool_id        varchar(100),
    sdr_id         varchar(100),
    variant        varchar(200),
    model          varchar(100),
    mql_at         timestamptz,
    assigned_at    timestamptz,
    accepted_at    timestamptz,
    first_touch_at timestamptz,
    sql_at         timestamptz,
    opportunity_at timestamptz,
    closed_at      timestamptz,
    outcome        varchar(8),
    amount         numeric(18, 2),
    recycled       integer      not null default 0,
    sla_outcome    varchar(8)
);
create index kpi_lead_cohort_idx on kpi_lead (cohort);

create table kpi_rollup (
    month            date          not null,
    dim              varchar(16)   not null,
    key              varchar(300)  not null,
    inquiries        bigint        not null default 0,
    mql              bigint        not null default 0,
    sal              bigint        not null default 0,
    sql              bigint        not null default 0,
    opportunities    bigint        not null default 0,
    won              bigint        not null default 0,
    lost             bigint        not null default 0,
    recycled         bigint        not null default 0,
    won_amount       numeric(20, 2) not null default 0,
    sla_met          bigint        not null default 0,
    sla_breached     bigint        not null default 0,
    assigned_hist    bigint[]      not null default array_fill(0::bigint, array[80]),
    first_touch_hist bigint[]      not null default array_fill(0::bigint, array[80]),
    -- days from capture to each stage (sum of seconds and count): order-independent, as the topics are read apart
    to_mql_s    double precision not null default 0,
    to_mql_n    bigint        not null default 0,
    to_sal_s        double precision not null default 0,
    to_sal_n        bigint        not null default 0,
    to_sql_s        double precision not null default 0,
    to_sql_n        bigint        not null default 0,
    to_opp_s        double precision not null default 0,
    to_opp_n        bigint        not null default 0,
    to_close_s      double precision not null default 0,
    to_close_n      bigint        not null default 0,
    primary key (month, dim, key)
);
create index kpi_rollup_dim_idx on kpi_rollup (dim, month);

-- Campaign spend RevOps enters per campaign and month: cost per lead, per opportunity, per won deal.
create table campaign_spend (
    campaign   varchar(200)   not null,
    month      date           not null,
    amount     numeric(18, 2) not null check (amount >= 0),
    currency   char(3)        not null,
    updated_at timestamptz    not null,
    updated_by varchar(200)   not null,
    primary key (campaign, month)
);
