import type { BusMessage } from '#rollcall/messaging';
import type pg from 'pg';

/**
 * Queues messages in the transactional outbox (created by the rollout-saga migration) inside the
 * caller's transaction: they reach the bus only if that transaction commits. `OutboxRelay` (run by
 * the orchestrator and by the api role) publishes them in order.
 */
export async function enqueueOutbox(transaction: pg.PoolClient, messages: readonly BusMessage[]): Promise<void> {
  if (messages.length === 0) return;
  await transaction.query(
    `INSERT INTO outbox (topic, key, envelope)
       SELECT m.topic, m.key, m.envelope FROM jsonb_to_recordset($1::jsonb) AS m(topic text, key text, envelope jsonb)`,
    [JSON.stringify(messages)],
  );
}
