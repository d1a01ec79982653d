-- What an SDR does with a lead after accepting it: touches (call, e-mail, LinkedIn ... and what came of it),
-- and closing it without an opportunity: disqualified (not a fit, with a reason) or sent back to nurture (not now).
alter table assignment drop constraint assignment_status_check;
alter table assignment add constraint assignment_status_check
    check (status in ('ASSIGNED', 'ACCEPTED', 'QUALIFIED', 'DISQUALIFIED', 'NURTURED'));
alter table assignment add column touches          int          not null default 0;
alter table assignment add column first_touched_at timestamptz;
alter table assignment add column last_touched_at  timestamptz;
alter table assignment add column closed_at        timestamptz;
alter table assignment add column closed_reason    varchar(40);
alter table assignment add column closed_note      varchar(2000);

-- Every touch logged, by its id (the LeadTouched event carries it: consumers de-duplicate by it).
create table lead_touch (
    id            uuid          primary key,
    assignment_id uuid          not null references assignment (id),
    lead_id       uuid          not null,
    sdr_id        varchar(64)   not null,
    channel       varchar(16)   not null,
    outcome       varchar(20)   not null,
    note          varchar(2000),
    touched_at    timestamptz   not null,
    logged_at     timestamptz   not null
);
create index lead_touch_lead_idx on lead_touch (lead_id, touched_at);
