import type { Envelope, HistoryContent } from '#rollcall/domain';

type Indexed = Pick<HistoryContent, 'node' | 'namespace' | 'daemonset' | 'rolloutId'>;

const stringAt = (value: unknown, ...path: string[]): string | null => {
  let current: unknown = value;
  for (const step of path) {
    if (typeof current !== 'object' || current === null) return null;
    current = (current as Record<string, unknown>)[step];
  }
  return typeof current === 'string' ? current : null;
};

/** The columns auditors search by, read from whatever event it is (cluster, rollout, API call). */
export function indexedFieldsOf(envelope: Envelope): Indexed {
  const { type, data } = envelope;
  const kind = stringAt(data, 'kind');
  // Only the cluster's own Node and DaemonSet observations name their object `name`; rollout events
  // such as NodeEvictionRequested carry `node`.
  const isNodeEvent = type === 'NodeObserved' || type === 'NodeDeleted';
  const isDaemonSetEvent = type === 'DaemonSetObserved' || type === 'DaemonSetDeleted';
  return {
    node: isNodeEvent
      ? stringAt(data, 'name')
      : (stringAt(data, 'nodeName') ??
        ((type === 'ResyncPartitionSeen' || type === 'WatchGap') && (kind === 'Node' || kind === 'Pod')
          ? stringAt(data, 'partitionKey')
          : null) ??
        stringAt(data, 'node')),
    namespace: stringAt(data, 'namespace') ?? stringAt(data, 'spec', 'daemonSet', 'namespace'),
    daemonset: isDaemonSetEvent
      ? stringAt(data, 'name')
      : (stringAt(data, 'owner', 'name') ??
        stringAt(data, 'daemonSet', 'name') ??
        stringAt(data, 'spec', 'daemonSet', 'name')),
    rolloutId: stringAt(data, 'rolloutId') ?? stringAt(envelope, 'rolloutId'),
  };
}

/** Stored times are UTC with milliseconds, the form PostgreSQL gives back, so hashes recompute. */
export function normalisedTime(value: string, fallback: string): string {
  const time = new Date(value);
  return Number.isNaN(time.getTime()) ? fallback : time.toISOString();
}

export function historyContentOf(envelope: Envelope, recordedAt: string): Omit<HistoryContent, 'chain' | 'seq'> {
  return {
    eventId: envelope.id,
    type: envelope.type,
    schemaVersion: envelope.schemaVersion,
    occurredAt: normalisedTime(envelope.occurredAt, recordedAt),
    observedAt: normalisedTime(envelope.observedAt, recordedAt),
    recordedAt,
    ...indexedFieldsOf(envelope),
    actor: envelope.actor,
    correlationId: envelope.correlationId,
    causationId: envelope.causationId,
    data: envelope.data,
  };
}
