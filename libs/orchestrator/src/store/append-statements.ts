import type pg from 'pg';
import type { AppendRows } from './append-rows.js';

/** Multi-row inserts of one append (events, outbox, effects) and the timer changes, in one transaction. */
export async function insertAppendRows(client: pg.PoolClient, rolloutId: string, rows: AppendRows): Promise<void> {
  if (rows.events.length > 0)
    await client.query(
      `INSERT INTO rollout_events (rollout_id, version, type, data, actor, occurred_at)
       SELECT $1, e.version, e.type, e.data, $3::jsonb, e.occurred_at
       FROM jsonb_to_recordset($2::jsonb) AS e(version integer, type text, data jsonb, occurred_at timestamptz)`,
      [
        rolloutId,
        JSON.stringify(
          rows.events.map(({ version, event }) => ({ version, type: event.type, data: event, occurred_at: event.at })),
        ),
        rows.actor === null ? null : JSON.stringify(rows.actor),
      ],
    );
  if (rows.outbox.length > 0)
    await client.query(
      `INSERT INTO outbox (topic, key, envelope)
       SELECT o.row ->> 'topic', o.row ->> 'key', o.row -> 'envelope'
       FROM jsonb_array_elements($1::jsonb) WITH ORDINALITY AS o(row, n) ORDER BY o.n`,
      [JSON.stringify(rows.outbox)],
    );
  if (rows.effects.length > 0)
    await client.query(
      `INSERT INTO rollout_effects (id, rollout_id, version, seq, type, effect)
       SELECT f.id, $1, f.version, f.seq, f.effect ->> 'type', f.effect
       FROM jsonb_to_recordset($2::jsonb) AS f(id text, version integer, seq integer, effect jsonb)
       ON CONFLICT (id) DO NOTHING`,
      [rolloutId, JSON.stringify(rows.effects)],
    );
  if (rows.cancels.length > 0)
    await client.query(
      `UPDATE rollout_timers SET cancelled_at = now()
       WHERE timer_id = ANY($1::text[]) AND fired_at IS NULL AND cancelled_at IS NULL`,
      [rows.cancels],
    );
  if (rows.schedules.length > 0)
    await client.query(
      `INSERT INTO rollout_timers (timer_id, rollout_id, kind, timer, due_at)
       SELECT s."timerId", $1, s.timer ->> 'kind', s.timer, s."dueAt"
       FROM jsonb_to_recordset($2::jsonb) AS s("timerId" text, "dueAt" timestamptz, timer jsonb)
       ON CONFLICT (timer_id) DO UPDATE SET due_at = excluded.due_at, cancelled_at = NULL
       WHERE rollout_timers.fired_at IS NULL`,
      [rolloutId, JSON.stringify(rows.schedules)],
    );
}
