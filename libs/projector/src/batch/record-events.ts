import { appendToChain, type Envelope } from '#rollcall/domain';
import type { PoolClient } from 'pg';
import { historyContentOf } from '../history/history-content.js';
import { appendEntries, openChains } from '../history/history.store.js';
import { withRolloutTargets } from '../history/rollout-targets.js';
import { watchGapEvent } from '../history/watch-gap.js';
import { applyProjections } from '../projections/apply-projections.js';

/** The events one chain (one topic-partition) extends by. */
export interface ChainEvents {
  readonly chain: string;
  readonly events: readonly Envelope[];
}

/**
 * Inside the caller's transaction, for several chains at once (a statement per step, not per chain):
 * skips events a chain already holds, applies the new ones to the projections, and appends them (with
 * any WatchGap right after the event it was found at) to their chains. Returns how many events of each
 * chain were new, in the order given.
 */
export async function recordChains(
  client: PoolClient,
  chains: readonly ChainEvents[],
  recordedAt: string,
): Promise<number[]> {
  if (new Set(chains.map(({ chain }) => chain)).size !== chains.length) throw new Error('a chain given twice');
  const opened = await openChains(
    client,
    chains.map(({ chain, events }) => ({ chain, eventIds: events.map((event) => event.id) })),
  );
  const fresh = chains.map(({ chain, events }) => {
    const known = new Set(opened.get(chain)?.recorded);
    const unseen: Envelope[] = [];
    for (const event of events) {
      if (known.has(event.id)) continue;
      known.add(event.id); // a redelivery within the batch itself
      unseen.push(event);
    }
    return unseen;
  });
  const gaps = await applyProjections(client, fresh.flat());
  const ordered = fresh.map((events) =>
    events.flatMap((event) => [
      event,
      ...gaps.filter((placed) => placed.afterEventId === event.id).map((placed) => watchGapEvent(placed.gap)),
    ]),
  );
  const contents = await withRolloutTargets(
    client,
    ordered.flat().map((event) => historyContentOf(event, recordedAt)),
  );
  let next = 0;
  const entries = chains.flatMap(({ chain }, index) => {
    const own = contents.slice(next, (next += ordered[index].length));
    const head = opened.get(chain)?.head;
    if (head === undefined) throw new Error(`chain ${chain} was not opened`);
    return appendToChain(head, chain, own).entries;
  });
  await appendEntries(client, entries);
  return fresh.map((events) => events.length);
}

/** `recordChains` for one chain; returns how many events were new. */
export async function recordEvents(
  client: PoolClient,
  chain: string,
  events: readonly Envelope[],
  recordedAt: string,
): Promise<number> {
  const [fresh] = await recordChains(client, [{ chain, events }], recordedAt);
  return fresh;
}
