import { decide, evolve, type RolloutInput, type RolloutState } from '#rollcall/domain';
import { rolloutRequest } from '../store/testing/rollout-request.fixture.js';
import { decideInOrder } from './decide-in-order.js';

const now = '2030-01-01T00:00:00.000Z';
const restarted = (node: string, restarts: number): RolloutInput => ({
  type: 'PodObserved',
  now,
  node,
  pod: { name: `pod-${node}`, uid: `uid-${node}`, revisionHash: 'old', ready: true, restarts, crashLooping: false },
});

function started(): RolloutState {
  const decision = decide(rolloutRequest('ro-1', 'agent'), null);
  if ('rejected' in decision) throw new Error(decision.message);
  return decision.events.reduce<RolloutState>(evolve, null);
}

describe('decideInOrder', () => {
  it('decides each input on the state the previous one left', () => {
    const state = started();

    const combined = decideInOrder([restarted('n1', 1), restarted('n2', 1), restarted('n1', 1)], state);

    expect(combined.events.map((event) => [event.type, 'node' in event ? event.node : null])).toEqual([
      ['NodePodObserved', 'n1'],
      ['NodePodObserved', 'n2'],
    ]);
    expect(combined.stateAfter?.nodes.n1?.pod?.restarts).toBe(1);
    expect(combined.stateAfter?.nodes.n3?.pod?.restarts).toBe(0);
  });

  it('ends on the state a fold of its own events gives', () => {
    const state = started();

    const combined = decideInOrder([restarted('n3', 2), restarted('n2', 4)], state);

    expect(combined.events.reduce<RolloutState>(evolve, state)).toEqual(combined.stateAfter);
  });

  it('skips a rejected input instead of failing the others', () => {
    const state = started();
    const approveOwn: RolloutInput = { type: 'ApproveStage', actor: { kind: 'user', id: 'alice' }, now };

    const combined = decideInOrder([approveOwn, restarted('n1', 3)], state);

    expect(combined.events.map((event) => event.type)).toEqual(['NodePodObserved']);
  });
});
