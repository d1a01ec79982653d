-- What the conversion model read of each lead (LeadAttributes, JSON), and what it said.
alter table lead_score add column attributes text;
alter table lead_score add column conversion_probability double precision;
alter table lead_score add column model_version int;

-- Learned conversion models: every version kept with its cross-validated metrics; one champion scores the leads.
create table conversion_model (
    version       serial       primary key,
    kind          varchar(32)  not null,
    status        varchar(16)  not null check (status in ('champion', 'challenger', 'retired')),
    model         text         not null,
    trained_at    timestamptz  not null,
    outcomes      int          not null,
    won           int          not null,
    updates       int          not null default 0,
    auc           double precision not null,
    log_loss      double precision not null,
    brier         double precision not null,
    calibration   text         not null,
    updated_at    timestamptz  not null
);
create unique index conversion_model_one_champion on conversion_model (status) where status = 'champion';
