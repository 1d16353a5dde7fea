import type { Envelope } from '#rollcall/domain';
import { inTransaction } from '#rollcall/postgres';
import type { Pool } from 'pg';
import { historyEntryOf, HISTORY_COLUMNS, type HistoryRow } from './history/history.reader.js';
import { WATCH_GAP_TYPE } from './history/watch-gap.js';
import { applyProjections } from './projections/apply-projections.js';
import { PROJECTION_TABLES } from './projections/project-observation.js';
import { allKindsExclusive, lockResyncKinds } from './projections/resync-lock.js';

const PAGE_SIZE = 1000;

/**
 * Empties the projection tables and re-applies the whole history in recorded order, in one
 * transaction so readers never see a half-built state. WatchGap rows are skipped: the resync
 * markers before them re-derive the same tombstones.
 */
export async function rebuildProjections(pool: Pool): Promise<{ events: number }> {
  return inTransaction(pool, async (client) => {
    // Before the TRUNCATE's table locks, so a live batch holding a kind's lock cannot deadlock with it.
    await lockResyncKinds(client, allKindsExclusive());
    await client.query(`TRUNCATE resync_completions, ${PROJECTION_TABLES.map((table) => table.table).join(', ')}`);
    let events = 0;
    let after: [Date, string, string] = [new Date(0), '', '0'];
    for (;;) {
      const page = await client.query<HistoryRow>(
        `SELECT ${HISTORY_COLUMNS} FROM history WHERE (recorded_at, chain, seq) > ($1, $2, $3::bigint)
          ORDER BY recorded_at, chain, seq LIMIT ${PAGE_SIZE}`,
        after,
      );
      if (page.rows.length === 0) return { events };
      const entries = page.rows.map(historyEntryOf);
      const envelopes: Envelope[] = entries
        .filter((entry) => entry.type !== WATCH_GAP_TYPE)
        .map((entry) => ({
          id: entry.eventId,
          type: entry.type,
          schemaVersion: entry.schemaVersion,
          occurredAt: entry.occurredAt,
          observedAt: entry.observedAt,
          correlationId: entry.correlationId,
          causationId: entry.causationId,
          actor: entry.actor,
          data: entry.data,
        }));
      await applyProjections(client, envelopes);
      events += envelopes.length;
      const last = page.rows[page.rows.length - 1];
      after = [last.recorded_at, last.chain, last.seq];
    }
  });
}
