import { expect } from '@jest/globals';
import type { Envelope } from '#rollcall/domain';
import type { DeliveredBatch, DeliveredMessage } from '../event-bus.port.js';

export function testEnvelope(id: string, data: unknown = { id }): Envelope {
  return {
    id,
    type: 'ContractTestHappened',
    schemaVersion: 1,
    occurredAt: '2025-01-02T03:04:05.678Z',
    observedAt: '2025-01-02T03:04:06.000Z',
    correlationId: `correlation-${id}`,
    causationId: null,
    actor: null,
    data,
  };
}

export async function waitUntil(condition: () => boolean, description: string, timeoutMs = 20_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!condition()) {
    if (Date.now() > deadline) throw new Error(`Timed out after ${timeoutMs} ms waiting until ${description}`);
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
}

/** Records every delivered batch; `onBatch` can be handed straight to `subscribe`. */
export class BatchCollector {
  readonly batches: DeliveredBatch[] = [];

  readonly onBatch = async (batch: DeliveredBatch): Promise<void> => {
    this.batches.push(batch);
  };

  get messages(): DeliveredMessage[] {
    return this.batches.flatMap((batch) => batch.messages);
  }

  ids(): string[] {
    return this.messages.map((message) => message.envelope.id);
  }

  async waitForIds(expected: readonly string[], timeoutMs?: number): Promise<void> {
    await waitUntil(
      () => expected.every((id) => this.ids().includes(id)),
      `${expected.length} messages arrived (got ${this.ids().length})`,
      timeoutMs,
    );
  }

  /** Waits a little longer and checks that nothing beyond `expected` arrived. */
  async expectExactly(expected: readonly string[], quietMs = 500): Promise<void> {
    await this.waitForIds(expected);
    await new Promise((resolve) => setTimeout(resolve, quietMs));
    expect([...this.ids()].sort()).toEqual([...expected].sort());
  }
}
