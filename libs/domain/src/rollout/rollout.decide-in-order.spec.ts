import { givenInputs } from './testing/given-when-then.test-helper.js';
import { alice, canaryEvicting, evicted, OLD, podObserved, t } from './testing/rollout.fixtures.js';
import { decideAndEvolve, decideInOrder, type RolloutInput } from './rollout.decider.js';
import type { RolloutEffect } from './rollout.effects.js';
import { evolve } from './rollout.evolve.js';
import type { RolloutState } from './rollout.state.js';

const restarted = (node: string, restarts: number, at = 13): RolloutInput =>
  podObserved(node, at, OLD, { restarts, uid: `uid-${node}-${OLD}` });

/** Each input decided on its own, one append each: what a batch must equal. */
function oneByOne(inputs: readonly RolloutInput[], state: RolloutState) {
  const events = [];
  const effects: RolloutEffect[] = [];
  let current = state;
  for (const input of inputs) {
    const { decision, stateAfter } = decideAndEvolve(input, current);
    if ('rejected' in decision) continue;
    events.push(...decision.events);
    effects.push(...decision.effects);
    current = stateAfter;
  }
  return { events, effects, stateAfter: current };
}

/** The timers an append leaves scheduled: the last change per timer wins, as the store applies them. */
function netTimers(effects: readonly RolloutEffect[]) {
  const timers = new Map<string, string | null>();
  for (const effect of effects)
    if (effect.type === 'ScheduleTimer') timers.set(effect.timerId, effect.at);
    else if (effect.type === 'CancelTimer') timers.set(effect.timerId, null);
  return [...timers].filter(([, at]) => at !== null).sort();
}

describe('decideInOrder', () => {
  const evicting = givenInputs(...canaryEvicting()).state;

  it('decides each input on the state the previous one left', () => {
    const combined = decideInOrder(
      [restarted('node-a2', 1), restarted('node-b1', 1), restarted('node-a2', 1)],
      evicting,
    );

    expect(combined.events.map((event) => [event.type, 'node' in event ? event.node : null])).toEqual([
      ['NodePodObserved', 'node-a2'],
      ['NodePodObserved', 'node-b1'],
    ]);
    expect(combined.stateAfter?.nodes['node-a2']?.pod?.restarts).toBe(1);
    expect(combined.stateAfter?.nodes['node-b2']?.pod?.restarts).toBe(0);
  });

  it('records the same events, state and timers as one append per input', () => {
    const inputs = [evicted('node-a1', 12), restarted('node-b2', 2, 14), podObserved('node-a1', 20)];

    const combined = decideInOrder(inputs, evicting);
    const single = oneByOne(inputs, evicting);

    expect(combined.events).toEqual(single.events);
    expect(combined.stateAfter).toEqual(single.stateAfter);
    expect(combined.events.reduce<RolloutState>(evolve, evicting)).toEqual(combined.stateAfter);
    expect(netTimers(combined.effects)).toEqual(netTimers(single.effects));
    expect(netTimers(combined.effects)).toEqual([['ro-1/bake-end/0/1', t(50)]]);
  });

  it('skips a rejected input instead of failing the others', () => {
    const approveOwn: RolloutInput = { type: 'ApproveStage', actor: alice, now: t(13) };

    const combined = decideInOrder([approveOwn, restarted('node-b1', 3)], evicting);

    expect(combined.events.map((event) => event.type)).toEqual(['NodePodObserved']);
  });

  it('leaves the state it started from unchanged', () => {
    const snapshot = structuredClone(evicting);

    decideInOrder([evicted('node-a1', 12), podObserved('node-a1', 20)], evicting);

    expect(evicting).toEqual(snapshot);
  });
});
