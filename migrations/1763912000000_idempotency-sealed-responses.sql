-- Up Migration

-- A stored response may hold a secret (a new token is shown once), so it is kept sealed (AES-GCM)
-- under a key derived from the caller's credentials instead of as readable JSON.
ALTER TABLE idempotency_keys DROP COLUMN response_body;
ALTER TABLE idempotency_keys ADD COLUMN response_sealed bytea;

-- Down Migration

ALTER TABLE idempotency_keys DROP COLUMN response_sealed;
ALTER TABLE idempotency_keys ADD COLUMN response_body jsonb;
