import { appendToChain, type Envelope } from '#rollcall/domain';
import type { PoolClient } from 'pg';
import { historyContentOf } from '../history/history-content.js';
import { appendEntries, openChain } from '../history/history.store.js';
import { withRolloutTargets } from '../history/rollout-targets.js';
import { watchGapEvent } from '../history/watch-gap.js';
import { applyProjections } from '../projections/apply-projections.js';

/**
 * Inside the caller's transaction: skips events the chain already holds, applies the new ones to
 * the projections, and appends them (with any WatchGap right after its marker) to the chain.
 * Returns how many events were new.
 */
export async function recordEvents(
  client: PoolClient,
  chain: string,
  events: readonly Envelope[],
  recordedAt: string,
): Promise<number> {
  const { head, recorded: known } = await openChain(
    client,
    chain,
    events.map((event) => event.id),
  );
  const fresh: Envelope[] = [];
  for (const event of events) {
    if (known.has(event.id)) continue;
    known.add(event.id);
    fresh.push(event);
  }
  const gaps = await applyProjections(client, fresh);
  const ordered = fresh.flatMap((event) => [
    event,
    ...gaps.filter((placed) => placed.afterEventId === event.id).map((placed) => watchGapEvent(placed.gap)),
  ]);
  const contents = await withRolloutTargets(
    client,
    ordered.map((event) => historyContentOf(event, recordedAt)),
  );
  const { entries } = appendToChain(head, chain, contents);
  await appendEntries(client, chain, entries);
  return fresh.length;
}
