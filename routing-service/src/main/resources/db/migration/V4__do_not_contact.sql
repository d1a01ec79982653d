-- A lead whose person asked not to be contacted is recorded as such and given to nobody.
alter table routing_decision drop constraint routing_decision_outcome_check;
alter table routing_decision add constraint routing_decision_outcome_check
    check (outcome in ('assigned', 'below-threshold', 'no-available-sdr', 'do-not-contact'));
