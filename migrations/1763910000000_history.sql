-- Up Migration

-- The audit history: one row per event, append-only, hash-chained per chain (a Kafka topic-partition,
-- so each projector instance extends only its own chains). Partitioned by month of recorded_at,
-- which the projector assigns and which therefore always falls in a partition created ahead; the
-- default partition catches anything else so no row is ever refused.
CREATE TABLE history (
  chain          text        NOT NULL,
  seq            bigint      NOT NULL CHECK (seq > 0),
  event_id       text        NOT NULL,
  type           text        NOT NULL,
  schema_version integer     NOT NULL,
  occurred_at    timestamptz NOT NULL,
  observed_at    timestamptz NOT NULL,
  recorded_at    timestamptz NOT NULL,
  node           text,
  namespace      text,
  daemonset      text,
  rollout_id     text,
  actor          jsonb,
  actor_id       text GENERATED ALWAYS AS (actor ->> 'id') STORED,
  correlation_id text        NOT NULL,
  causation_id   text,
  data           jsonb       NOT NULL,
  prev_hash      text        NOT NULL,
  hash           text        NOT NULL,
  PRIMARY KEY (chain, seq, recorded_at)
) PARTITION BY RANGE (recorded_at);

CREATE TABLE history_default PARTITION OF history DEFAULT;

CREATE INDEX history_node_idx ON history (node, occurred_at) WHERE node IS NOT NULL;
CREATE INDEX history_daemonset_idx ON history (namespace, daemonset, occurred_at) WHERE daemonset IS NOT NULL;
CREATE INDEX history_rollout_idx ON history (rollout_id, occurred_at) WHERE rollout_id IS NOT NULL;
CREATE INDEX history_actor_idx ON history (actor_id, occurred_at) WHERE actor_id IS NOT NULL;
CREATE INDEX history_recorded_idx ON history (recorded_at);

-- Unique constraints on a partitioned table must contain the partition key, so the one-event-once
-- rule per chain lives in this unpartitioned index of the chain; it also pins seq to one event.
CREATE TABLE history_chain_entries (
  chain    text   NOT NULL,
  seq      bigint NOT NULL,
  event_id text   NOT NULL,
  PRIMARY KEY (chain, seq),
  UNIQUE (chain, event_id)
);

-- The last link of each chain: locked FOR UPDATE by the writer, and the anchor an auditor checks
-- the chain's end against (deleting the newest rows leaves the head pointing past them).
CREATE TABLE history_chain_heads (
  chain      text        PRIMARY KEY,
  last_seq   bigint      NOT NULL,
  last_hash  text        NOT NULL,
  updated_at timestamptz NOT NULL DEFAULT now()
);

-- Append-only in the database itself, whoever connects: row triggers are cloned onto every
-- partition, and TRUNCATE is refused on the parent. Retention drops whole old partitions on purpose.
CREATE FUNCTION refuse_history_change() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  RAISE EXCEPTION 'history is append-only: % on % refused', TG_OP, TG_TABLE_NAME
    USING ERRCODE = 'insufficient_privilege';
END;
$$;

CREATE TRIGGER history_append_only BEFORE UPDATE OR DELETE ON history
  FOR EACH ROW EXECUTE FUNCTION refuse_history_change();
CREATE TRIGGER history_no_truncate BEFORE TRUNCATE ON history
  FOR EACH STATEMENT EXECUTE FUNCTION refuse_history_change();
CREATE TRIGGER history_chain_entries_append_only BEFORE UPDATE OR DELETE ON history_chain_entries
  FOR EACH ROW EXECUTE FUNCTION refuse_history_change();
CREATE TRIGGER history_chain_entries_no_truncate BEFORE TRUNCATE ON history_chain_entries
  FOR EACH STATEMENT EXECUTE FUNCTION refuse_history_change();

-- Creates the monthly partitions from the month of `from_time` on, `months` of them, when missing.
-- Called by the projector at start and when a batch reaches a month it has not prepared yet.
CREATE FUNCTION ensure_history_partitions(from_time timestamptz, months integer) RETURNS void
LANGUAGE plpgsql AS $$
DECLARE
  month_start timestamptz;
  partition_name text;
BEGIN
  FOR i IN 0 .. months - 1 LOOP
    month_start := date_trunc('month', from_time AT TIME ZONE 'UTC') AT TIME ZONE 'UTC' + make_interval(months => i);
    partition_name := format('history_%s', to_char(month_start AT TIME ZONE 'UTC', 'YYYY_MM'));
    IF to_regclass(quote_ident(current_schema()) || '.' || partition_name) IS NULL THEN
      BEGIN
        EXECUTE format(
          'CREATE TABLE %I.%I PARTITION OF history FOR VALUES FROM (%L) TO (%L)',
          current_schema(), partition_name, month_start, month_start + interval '1 month');
      EXCEPTION WHEN duplicate_table THEN
        NULL; -- another projector instance created it at the same moment
      END;
    END IF;
  END LOOP;
END;
$$;

SELECT ensure_history_partitions(now(), 3);

-- Down Migration

DROP TABLE history;
DROP TABLE history_chain_entries;
DROP TABLE history_chain_heads;
DROP FUNCTION ensure_history_partitions(timestamptz, integer);
DROP FUNCTION refuse_history_change();
