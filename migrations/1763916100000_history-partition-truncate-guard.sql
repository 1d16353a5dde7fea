-- Up Migration

-- TRUNCATE on a partition fires only that partition's statement triggers, not the parent's: each
-- history partition gets its own guard, the existing ones here and new ones where they are created.
-- Retention still detaches and drops whole old partitions on purpose.
CREATE FUNCTION guard_history_partition(partition regclass) RETURNS void LANGUAGE plpgsql AS $$
BEGIN
  EXECUTE format(
    'CREATE OR REPLACE TRIGGER history_partition_no_truncate BEFORE TRUNCATE ON %s '
    'FOR EACH STATEMENT EXECUTE FUNCTION refuse_history_change()', partition);
END;
$$;

SELECT guard_history_partition(relid) FROM pg_partition_tree('history') WHERE relid <> 'history'::regclass;

CREATE OR REPLACE FUNCTION ensure_history_partitions(from_time timestamptz, months integer) RETURNS void
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
        PERFORM guard_history_partition(format('%I.%I', current_schema(), partition_name)::regclass);
      EXCEPTION WHEN duplicate_table THEN
        NULL; -- another projector instance created it (and its guard) at the same moment
      END;
    END IF;
  END LOOP;
END;
$$;

-- Down Migration

CREATE OR REPLACE FUNCTION ensure_history_partitions(from_time timestamptz, months integer) RETURNS void
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

DO $$
DECLARE
  partition regclass;
BEGIN
  FOR partition IN SELECT relid FROM pg_partition_tree('history') WHERE relid <> 'history'::regclass LOOP
    EXECUTE format('DROP TRIGGER IF EXISTS history_partition_no_truncate ON %s', partition);
  END LOOP;
END;
$$;

DROP FUNCTION guard_history_partition(regclass);
