-- Up Migration

-- A chain's head is the anchor verification compares against: it may only move forward. Without
-- this, deleting a head row (no trigger bypass needed) would drop its chain from verification.
CREATE FUNCTION refuse_chain_head_rewind() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF TG_OP = 'DELETE' OR NEW.last_seq < OLD.last_seq THEN
    RAISE EXCEPTION 'history chain heads only move forward: % on % refused', TG_OP, TG_TABLE_NAME
      USING ERRCODE = 'insufficient_privilege';
  END IF;
  RETURN NEW;
END;
$$;

CREATE TRIGGER history_chain_heads_forward_only BEFORE UPDATE OR DELETE ON history_chain_heads
  FOR EACH ROW EXECUTE FUNCTION refuse_chain_head_rewind();
CREATE TRIGGER history_chain_heads_no_truncate BEFORE TRUNCATE ON history_chain_heads
  FOR EACH STATEMENT EXECUTE FUNCTION refuse_history_change();

-- Down Migration

DROP TRIGGER history_chain_heads_no_truncate ON history_chain_heads;
DROP TRIGGER history_chain_heads_forward_only ON history_chain_heads;
DROP FUNCTION refuse_chain_head_rewind();
