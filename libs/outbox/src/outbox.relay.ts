import type { Envelope } from '#rollcall/domain';
import type { EventBus } from '#rollcall/messaging';
import type pg from 'pg';

interface OutboxEntry {
  readonly id: string;
  readonly topic: string;
  readonly key: string;
  readonly envelope: Envelope;
}

/** Any fixed number shared by the relays: only the holder publishes, which keeps the outbox order. */
const RELAY_LOCK = 0x726f6c6c;

/** Publishes unsent outbox rows in id order and marks them sent; at-least-once (consumers dedupe by envelope id). */
export class OutboxRelay {
  constructor(
    private readonly pool: pg.Pool,
    private readonly bus: EventBus,
    readonly batchSize = 500,
  ) {}

  /** Publishes one batch; returns how many rows it sent (0 when idle or another relay holds the lock). */
  async relayOnce(): Promise<number> {
    const client = await this.pool.connect();
    try {
      await client.query('BEGIN');
      const locked = await client.query<{ locked: boolean }>('SELECT pg_try_advisory_xact_lock($1) AS locked', [
        RELAY_LOCK,
      ]);
      if (!locked.rows[0]?.locked) {
        await client.query('ROLLBACK');
        return 0;
      }
      const batch = await client.query<OutboxEntry>(
        'SELECT id, topic, key, envelope FROM outbox WHERE sent_at IS NULL ORDER BY id LIMIT $1',
        [this.batchSize],
      );
      if (batch.rows.length > 0) {
        await this.bus.publish(batch.rows.map(({ topic, key, envelope }) => ({ topic, key, envelope })));
        await client.query('UPDATE outbox SET sent_at = now() WHERE id = ANY($1::bigint[])', [
          batch.rows.map((row) => row.id),
        ]);
      }
      await client.query('COMMIT');
      return batch.rows.length;
    } catch (error) {
      await client.query('ROLLBACK').catch(() => undefined);
      throw error;
    } finally {
      client.release();
    }
  }
}
