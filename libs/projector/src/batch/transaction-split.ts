/**
 * Splits the partition batches of one fetch into at most `parts` groups of about equal size (by
 * messages, largest batch first into the smallest group), each partition's batch whole in one group.
 * Every group is then applied in a transaction of its own.
 */
export function splitForTransactions<T extends { readonly messages: readonly unknown[] }>(
  batches: readonly T[],
  parts: number,
): T[][] {
  const groups = Array.from({ length: Math.max(1, Math.min(parts, batches.length)) }, () => ({
    size: 0,
    batches: [] as T[],
  }));
  const largestFirst = [...batches].sort((left, right) => right.messages.length - left.messages.length);
  for (const batch of largestFirst) {
    const smallest = groups.reduce((least, group) => (group.size < least.size ? group : least));
    smallest.batches.push(batch);
    smallest.size += batch.messages.length;
  }
  return groups.map((group) => group.batches);
}
