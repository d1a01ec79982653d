-- Submissions caught by the bot traps are kept (for review and tuning) but never announced.
alter table lead add column spam_reason varchar(40);
