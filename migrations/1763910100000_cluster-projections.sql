-- Up Migration

-- Current cluster state derived from the observations. Every row keeps the resourceVersion of the
-- last observation applied to it and ignores older ones, so replays and out-of-order deliveries
-- converge. Deletions are tombstones (deleted_at), never row deletes: "what ran here before" stays
-- answerable, and a late, older observation cannot resurrect a deleted object.

CREATE TABLE nodes (
  name             text PRIMARY KEY,
  uid              text        NOT NULL,
  labels           jsonb       NOT NULL,
  taints           jsonb       NOT NULL,
  ready            boolean     NOT NULL,
  schedulable      boolean     NOT NULL,
  kubelet_version  text,
  resource_version bigint      NOT NULL,
  last_seen_at     timestamptz NOT NULL,
  deleted_at       timestamptz
);

CREATE TABLE daemonsets (
  namespace           text        NOT NULL,
  name                text        NOT NULL,
  uid                 text        NOT NULL,
  generation          bigint      NOT NULL,
  observed_generation bigint,
  update_strategy     jsonb       NOT NULL,
  selector            jsonb       NOT NULL,
  containers          jsonb       NOT NULL,
  images              text[]      NOT NULL,
  template_generation text,
  change_cause        text,
  status              jsonb       NOT NULL,
  resource_version    bigint      NOT NULL,
  last_seen_at        timestamptz NOT NULL,
  deleted_at          timestamptz,
  PRIMARY KEY (namespace, name)
);

CREATE TABLE controller_revisions (
  namespace        text        NOT NULL,
  name             text        NOT NULL,
  uid              text        NOT NULL,
  owner_name       text,
  owner_uid        text,
  revision         bigint      NOT NULL,
  hash             text,
  containers       jsonb       NOT NULL,
  resource_version bigint      NOT NULL,
  last_seen_at     timestamptz NOT NULL,
  deleted_at       timestamptz,
  PRIMARY KEY (namespace, name)
);
CREATE INDEX controller_revisions_owner_idx ON controller_revisions (namespace, owner_name, revision DESC);

CREATE TABLE pdbs (
  namespace                     text        NOT NULL,
  name                          text        NOT NULL,
  uid                           text        NOT NULL,
  generation                    bigint      NOT NULL,
  observed_generation           bigint,
  selector                      jsonb       NOT NULL,
  min_available                 text,
  max_unavailable               text,
  unhealthy_pod_eviction_policy text,
  disruptions_allowed           integer     NOT NULL,
  current_healthy               integer     NOT NULL,
  desired_healthy               integer     NOT NULL,
  expected_pods                 integer     NOT NULL,
  resource_version              bigint      NOT NULL,
  last_seen_at                  timestamptz NOT NULL,
  deleted_at                    timestamptz,
  PRIMARY KEY (namespace, name)
);

-- One DaemonSet pod per node and DaemonSet. revision_since is when this pod was first seen on
-- this revision hash.
CREATE TABLE daemonset_node_state (
  namespace           text        NOT NULL,
  daemonset           text        NOT NULL,
  node                text        NOT NULL,
  pod_name            text        NOT NULL,
  pod_uid             text        NOT NULL,
  revision_hash       text,
  template_generation text,
  images              text[]      NOT NULL,
  containers          jsonb       NOT NULL,
  phase               text,
  ready               boolean     NOT NULL,
  restarts            integer     NOT NULL,
  waiting_reason      text,
  revision_since      timestamptz NOT NULL,
  resource_version    bigint      NOT NULL,
  last_seen_at        timestamptz NOT NULL,
  deleted_at          timestamptz,
  PRIMARY KEY (namespace, daemonset, node)
);
CREATE INDEX daemonset_node_state_node_idx ON daemonset_node_state (node);

-- Facts that join rows written from different partitions (a DaemonSet and its revisions and pods
-- travel under different keys) are views, so no projector transaction can leave them stale.
CREATE VIEW daemonset_current_revisions AS
SELECT DISTINCT ON (namespace, owner_name)
       namespace, owner_name AS daemonset, revision, hash, containers
  FROM controller_revisions
 WHERE deleted_at IS NULL AND owner_name IS NOT NULL
 ORDER BY namespace, owner_name, revision DESC;

CREATE VIEW daemonset_overview AS
SELECT d.*, r.hash AS current_revision_hash, r.revision AS current_revision_number,
       coalesce(d.observed_generation >= d.generation, false) AS status_trusted
  FROM daemonsets d
  LEFT JOIN daemonset_current_revisions r ON r.namespace = d.namespace AND r.daemonset = d.name;

-- A pod is up to date when its revision hash is the target revision's, or its
-- pod-template-generation equals the DaemonSet's template generation annotation.
CREATE VIEW daemonset_node_overview AS
SELECT s.*, r.hash AS current_revision_hash,
       coalesce(s.revision_hash = r.hash, false)
         OR coalesce(s.template_generation = d.template_generation, false) AS up_to_date
  FROM daemonset_node_state s
  LEFT JOIN daemonsets d ON d.namespace = s.namespace AND d.name = s.daemonset
  LEFT JOIN daemonset_current_revisions r ON r.namespace = s.namespace AND r.daemonset = s.daemonset;

-- The newest completed relist of each kind. Observations travel on other partitions than the
-- completion marker, so one that arrives after it and is no newer than the list, under a key the
-- list did not see, is tombstoned on arrival.
CREATE TABLE resync_completions (
  kind             text PRIMARY KEY,
  relist_id        text        NOT NULL,
  resource_version bigint      NOT NULL,
  partition_keys   text[]      NOT NULL,
  marker_id        text        NOT NULL,
  correlation_id   text        NOT NULL,
  occurred_at      timestamptz NOT NULL,
  observed_at      timestamptz NOT NULL
);

-- Malformed messages the projector sent to the dead-letter topic, once per position.
CREATE TABLE dead_letters (
  group_id    text        NOT NULL,
  topic       text        NOT NULL,
  partition   integer     NOT NULL,
  "offset"    bigint      NOT NULL,
  message_key text,
  reason      text        NOT NULL,
  value       bytea,
  recorded_at timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (group_id, topic, partition, "offset")
);

-- Down Migration

DROP TABLE dead_letters;
DROP TABLE resync_completions;
DROP VIEW daemonset_node_overview;
DROP VIEW daemonset_overview;
DROP VIEW daemonset_current_revisions;
DROP TABLE daemonset_node_state;
DROP TABLE pdbs;
DROP TABLE controller_revisions;
DROP TABLE daemonsets;
DROP TABLE nodes;
