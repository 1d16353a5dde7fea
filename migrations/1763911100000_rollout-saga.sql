-- Up Migration

-- The rollout saga store. rollout_events is the source of truth (append-only, one stream per
-- rollout, optimistic concurrency through the (rollout_id, version) key); rollouts is the summary
-- row for listing, updated in the same transaction, whose version guards every append.
CREATE TABLE rollouts (
  id              text        PRIMARY KEY,
  namespace       text        NOT NULL,
  daemonset       text        NOT NULL,
  state           text        NOT NULL,
  version         integer     NOT NULL CHECK (version >= 1),
  requested_by    jsonb       NOT NULL,
  idempotency_key text,
  spec            jsonb       NOT NULL,
  created_at      timestamptz NOT NULL,
  updated_at      timestamptz NOT NULL
);
-- Only one unfinished rollout per DaemonSet; the create path maps a violation to a named error.
CREATE UNIQUE INDEX rollouts_one_active_per_daemonset ON rollouts (namespace, daemonset)
  WHERE state NOT IN ('Succeeded', 'RolledBack', 'Aborted', 'Failed', 'Rejected');
CREATE UNIQUE INDEX rollouts_idempotency_key ON rollouts ((requested_by ->> 'id'), idempotency_key)
  WHERE idempotency_key IS NOT NULL;
CREATE INDEX rollouts_listing_idx ON rollouts (created_at DESC, id DESC);
CREATE INDEX rollouts_daemonset_idx ON rollouts (namespace, daemonset, created_at DESC);

CREATE TABLE rollout_events (
  rollout_id  text        NOT NULL REFERENCES rollouts (id),
  version     integer     NOT NULL CHECK (version >= 1),
  type        text        NOT NULL,
  data        jsonb       NOT NULL,
  actor       jsonb,
  occurred_at timestamptz NOT NULL,
  recorded_at timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (rollout_id, version)
);

-- Transactional outbox: written with the saga events, published in id order by the relay.
CREATE TABLE outbox (
  id         bigserial   PRIMARY KEY,
  topic      text        NOT NULL,
  key        text        NOT NULL,
  envelope   jsonb       NOT NULL,
  created_at timestamptz NOT NULL DEFAULT now(),
  sent_at    timestamptz
);
CREATE INDEX outbox_unsent_idx ON outbox (id) WHERE sent_at IS NULL;

-- Cluster side effects (evictions, DaemonSet patches) the saga asked for. An effect is done in the
-- same transaction that records its result; attempts > 0 without done_at means it may have run.
CREATE TABLE rollout_effects (
  id         text        PRIMARY KEY,
  rollout_id text        NOT NULL REFERENCES rollouts (id),
  version    integer     NOT NULL,
  seq        integer     NOT NULL,
  type       text        NOT NULL,
  effect     jsonb       NOT NULL,
  attempts   integer     NOT NULL DEFAULT 0,
  started_at timestamptz,
  done_at    timestamptz,
  outcome    jsonb
);
CREATE INDEX rollout_effects_pending_idx ON rollout_effects (rollout_id, version, seq) WHERE done_at IS NULL;

CREATE TABLE rollout_timers (
  timer_id     text        PRIMARY KEY,
  rollout_id   text        NOT NULL REFERENCES rollouts (id),
  kind         text        NOT NULL,
  timer        jsonb       NOT NULL,
  due_at       timestamptz NOT NULL,
  fired_at     timestamptz,
  cancelled_at timestamptz
);
CREATE INDEX rollout_timers_due_idx ON rollout_timers (due_at) WHERE fired_at IS NULL AND cancelled_at IS NULL;

-- One driver per rollout across orchestrator processes; a lease not renewed in time is taken over.
CREATE TABLE rollout_leases (
  rollout_id text        PRIMARY KEY REFERENCES rollouts (id),
  owner      text        NOT NULL,
  expires_at timestamptz NOT NULL
);

-- Down Migration

DROP TABLE rollout_leases;
DROP TABLE rollout_timers;
DROP TABLE rollout_effects;
DROP TABLE outbox;
DROP TABLE rollout_events;
DROP TABLE rollouts;
