-- Right to erasure: the leads this service was told are erased (LeadErased). A lead id is a random
-- UUID, meaningless once capture forgot the person, so it may be kept. Every consumer checks it
-- before applying an event: an event of an erased lead that arrives late on another topic (a
-- LeadEnriched relayed before the erasure, read after it) never brings the person's data back.
create table erased_lead (
    lead_id     uuid        primary key,
    erased_at   timestamptz not null,
    recorded_at timestamptz not null default now()
);
