-- Up Migration

-- Every pod and node change rewrites its projection row while no indexed column changes. With full
-- pages each such update puts the new version on another page and adds an entry to every index; the
-- table and its indexes then grow by a copy per change until vacuum comes (the ingest bench saw 8 %
-- of 75,000 updates stay on their page, 70,000 dead rows after a minute, and each burst slower than
-- the last). Half-empty pages keep the updates heap-only: no index entries, and the old versions
-- are pruned as the page is next read, so the tables stay at their live size. Pages written before
-- this migration keep their fill until they are rewritten: `npm run rebuild-projections` (its
-- TRUNCATE keeps the setting), VACUUM FULL or pg_repack, at a quiet hour.
ALTER TABLE daemonset_node_state SET (fillfactor = 50);
ALTER TABLE nodes SET (fillfactor = 50);

-- Down Migration

ALTER TABLE daemonset_node_state RESET (fillfactor);
ALTER TABLE nodes RESET (fillfactor);
