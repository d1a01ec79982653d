-- The SHA-256 of the normalised request that first used a key: the same key with another body is
-- refused (422) instead of silently answering with a lead the client did not send.
alter table idempotency_key add column request_sha256 char(64);
