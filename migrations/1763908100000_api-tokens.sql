-- Up Migration

-- Bearer tokens of the API. Only a SHA-256 digest of each token is kept: tokens are 256 random
-- bits, so a fast unsalted hash cannot be brute-forced and lets the lookup use an index.
CREATE TABLE api_tokens (
  id           uuid        PRIMARY KEY DEFAULT gen_random_uuid(),
  name         text        NOT NULL CHECK (length(name) BETWEEN 1 AND 100),
  roles        text[]      NOT NULL CHECK (cardinality(roles) > 0),
  token_hash   bytea       NOT NULL UNIQUE CHECK (length(token_hash) = 32),
  created_at   timestamptz NOT NULL DEFAULT now(),
  created_by   text        NOT NULL,
  revoked_at   timestamptz,
  last_used_at timestamptz
);

CREATE INDEX api_tokens_listing ON api_tokens (created_at, id);

-- Changes made through the API, with who made them, until the history takes them over.
CREATE TABLE api_actions (
  id          bigint      GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  occurred_at timestamptz NOT NULL DEFAULT now(),
  actor_id    text        NOT NULL,
  actor_name  text        NOT NULL,
  action      text        NOT NULL,
  subject     text        NOT NULL,
  details     jsonb       NOT NULL DEFAULT '{}'
);

CREATE INDEX api_actions_by_actor ON api_actions (actor_id, occurred_at);

-- Responses of POST commands by Idempotency-Key, so that a retried request replays the first answer.
-- response_status stays null while the first request is still being handled.
CREATE TABLE idempotency_keys (
  actor           text        NOT NULL,
  key             text        NOT NULL,
  route           text        NOT NULL,
  request_hash    bytea       NOT NULL,
  response_status integer,
  response_body   jsonb,
  created_at      timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (actor, key)
);

CREATE INDEX idempotency_keys_expiry ON idempotency_keys (created_at);

-- Down Migration

DROP TABLE idempotency_keys;
DROP TABLE api_actions;
DROP TABLE api_tokens;
