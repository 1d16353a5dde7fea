import { decideAndEvolve, type RolloutInput, type RolloutState } from '#rollcall/domain';
import type { ClusterEffect } from '../store/append-rows.js';
import { rolloutRequest } from '../store/testing/rollout-request.fixture.js';
import { effectDisposition } from './effect-relevance.js';

const now = '2030-01-01T00:00:00.000Z';
const carol = { kind: 'user', id: 'carol' } as const;

function stateAfter(...inputs: readonly RolloutInput[]): RolloutState {
  return inputs.reduce<RolloutState>((state, input) => decideAndEvolve(input, state).stateAfter, null);
}

/** Approved and patched: the first node, n1, is asked to be evicted. */
const evicting: readonly RolloutInput[] = [
  rolloutRequest('ro-1', 'agent'),
  { type: 'ApproveStage', actor: carol, now },
  { type: 'DaemonSetPatched', now, purpose: 'ApplyChange', revisionHash: 'new', generation: 2 },
];
const eviction = (node: string, podUid: string): ClusterEffect => ({
  type: 'EvictPod',
  rolloutId: 'ro-1',
  namespace: 'default',
  podName: `pod-${node}`,
  podUid,
  node,
  attempt: 1,
});

describe('effect disposition: what the runner does with a pending eviction', () => {
  it('runs the eviction a node waits for', () => {
    expect(stateAfter(...evicting)?.nodes['n1']).toMatchObject({ status: 'Evicting' });
    expect(effectDisposition(eviction('n1', 'uid-n1'), stateAfter(...evicting))).toBe('run');
  });

  it('holds it, still pending, while the rollout is paused, and runs it after the resume', () => {
    const paused = stateAfter(...evicting, { type: 'PauseRollout', actor: carol, now });
    const resumed = stateAfter(
      ...evicting,
      { type: 'PauseRollout', actor: carol, now },
      {
        type: 'ResumeRollout',
        actor: carol,
        now,
      },
    );
    expect(effectDisposition(eviction('n1', 'uid-n1'), paused)).toBe('hold');
    expect(effectDisposition(eviction('n1', 'uid-n1'), resumed)).toBe('run');
  });

  it('skips it once the rollout is aborted or the node waits for another pod', () => {
    const aborted = stateAfter(...evicting, { type: 'AbortRollout', actor: carol, now, comment: 'stop' });
    expect(effectDisposition(eviction('n1', 'uid-n1'), aborted)).toBe('skip');
    expect(effectDisposition(eviction('n1', 'uid-other'), stateAfter(...evicting))).toBe('skip');
  });
});
