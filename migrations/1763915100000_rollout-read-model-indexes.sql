-- Up Migration

-- GET /v1/rollouts?requestedBy=<actor id>, newest first, like the listing index.
CREATE INDEX rollouts_requested_by_idx ON rollouts ((requested_by ->> 'id'), created_at DESC, id DESC);
-- A rollout's approvals and interventions are a handful among thousands of node events.
CREATE INDEX rollout_events_type_idx ON rollout_events (rollout_id, type, version);

-- Down Migration

DROP INDEX rollout_events_type_idx;
DROP INDEX rollouts_requested_by_idx;
