import { clusterEventDataProblem, dataProblemOf, type Envelope } from '#rollcall/domain';
import { z } from 'zod';
import { isClusterEvent } from '../projections/cluster-event.js';
import { unstorableTextPath } from './unstorable-text.js';

// Projection rows store these as timestamptz: a time PostgreSQL cannot read would fail every retry.
const clusterTimes = z.object({
  occurredAt: z.iso.datetime({ offset: true }),
  observedAt: z.iso.datetime({ offset: true }),
});

// Other streams only reach the history: what history-content.ts indexes them by must be text when present.
const indexText = z.string().nullish();
const named = z.object({ name: indexText }).nullish();
const otherStreamData = z.object({
  node: indexText,
  nodeName: indexText,
  namespace: indexText,
  rolloutId: indexText,
  owner: named,
  daemonSet: named,
});
const envelopeIndex = z.object({ rolloutId: indexText });

/** Why the projector could never apply this envelope (so it is dead-lettered), or null when it can. */
export function unprojectableReason(envelope: Envelope): string | null {
  const unstorable = unstorableTextPath(envelope);
  if (unstorable !== null) return `${unstorable}: holds U+0000 or a lone surrogate, which PostgreSQL cannot store`;
  if (isClusterEvent(envelope)) {
    return dataProblemOf(clusterTimes, envelope, 'envelope') ?? clusterEventDataProblem(envelope);
  }
  return dataProblemOf(otherStreamData, envelope.data) ?? dataProblemOf(envelopeIndex, envelope, 'envelope');
}
