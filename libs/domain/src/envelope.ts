/** Who caused a change: a person or bot acting through Rollcall, or a controller in the cluster. */
export interface Actor {
  readonly kind: 'user' | 'bot' | 'system';
  readonly id: string;
  readonly displayName?: string;
}

/**
 * The wrapper every message on the bus carries. `id` is deterministic (derived from what was
 * observed or decided), so a replay or a relist produces the same id and consumers can de-duplicate.
 */
export interface Envelope<TType extends string = string, TData = unknown> {
  readonly id: string;
  readonly type: TType;
  readonly schemaVersion: number;
  /** When it happened in the cluster or in the saga (RFC 3339). */
  readonly occurredAt: string;
  /** When Rollcall saw or recorded it (RFC 3339). */
  readonly observedAt: string;
  readonly correlationId: string;
  readonly causationId: string | null;
  readonly actor: Actor | null;
  readonly data: TData;
}
