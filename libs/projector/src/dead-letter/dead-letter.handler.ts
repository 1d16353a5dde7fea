import type { EventBus, MalformedMessage } from '#rollcall/messaging';
import type { Pool } from 'pg';
import type { ProjectorMetrics } from '../projector.metrics.js';
import { storableText } from '../validation/unstorable-text.js';

export const DEAD_LETTER_TOPIC = 'rollcall.deadletter.v1';

/**
 * Sends a record the projector cannot read to the dead-letter topic, then records it. Publishing
 * first means a crash in between repeats the publish (at least once) but never loses the letter;
 * the table keeps one row per position.
 */
export class DeadLetterHandler {
  constructor(
    private readonly pool: Pool,
    private readonly bus: EventBus,
    private readonly groupId: string,
    private readonly metrics: ProjectorMetrics,
    private readonly clock: () => Date = () => new Date(),
  ) {}

  async handle(message: MalformedMessage, reason: string): Promise<void> {
    const { topic, partition, offset, key, value, headers } = message;
    const id = `deadletter/${this.groupId}/${topic}/${partition}/${offset}`;
    const now = this.clock().toISOString();
    await this.bus.publish([
      {
        topic: DEAD_LETTER_TOPIC,
        key: `${topic}/${partition}`,
        envelope: {
          id,
          type: 'MessageDeadLettered',
          schemaVersion: 1,
          occurredAt: now,
          observedAt: now,
          correlationId: id,
          causationId: null,
          actor: null,
          data: {
            groupId: this.groupId,
            topic,
            partition,
            offset,
            key,
            reason,
            headers,
            valueBase64: value?.toString('base64') ?? null,
          },
        },
      },
    ]);
    await this.pool.query(
      `INSERT INTO dead_letters (group_id, topic, partition, "offset", message_key, reason, value)
       VALUES ($1, $2, $3, $4, $5, $6, $7) ON CONFLICT DO NOTHING`,
      // The raw value is bytea; the key and reason are text, which must not refuse the letter itself.
      [this.groupId, topic, partition, offset, key === null ? null : storableText(key), storableText(reason), value],
    );
    this.metrics.deadLetters.inc({ topic });
  }
}
