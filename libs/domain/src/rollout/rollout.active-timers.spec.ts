import { givenInputs } from './testing/given-when-then.test-helper.js';
import { approve, bob, carol, evicted, patched, podObserved, start, t } from './testing/rollout.fixtures.js';
import { activeTimers, timersToCompare, type ActiveTimer } from './rollout.active-timers.js';
import type { RolloutInput } from './rollout.decider.js';
import { evolve } from './rollout.evolve.js';
import type { RolloutState } from './rollout.state.js';

const blocked = (at: number): RolloutInput => ({
  type: 'EvictionBlockedByPdb',
  now: t(at),
  node: 'node-a1',
  podUid: 'uid-node-a1-rev-old',
  pdb: 'default/log-collector',
  message: 'Cannot evict pod as it would violate the pod disruption budget.',
});
const pause = (at: number): RolloutInput => ({ type: 'PauseRollout', actor: carol, now: t(at), comment: 'lunch' });

const ids = (timers: readonly ActiveTimer[]) => new Set(timers.map((timer) => timer.timerId));
const minus = (a: Set<string>, b: Set<string>) => [...a].filter((id) => !b.has(id)).sort();

describe('timers to compare', () => {
  const inputs = [start(0), approve(bob, 10), patched(11), blocked(12), pause(13), evicted('node-a1', 14)];
  const history = givenInputs(...inputs, podObserved('node-a1', 20)).history;
  const states = history.reduce<RolloutState[]>((all, event) => [...all, evolve(all.at(-1) ?? null, event)], []);

  it('gives the same timers to schedule and cancel as comparing every timer, for each step of a rollout', () => {
    for (let i = 1; i < states.length; i++) {
      const [before, after] = [states[i - 1], states[i]];
      const all = { previous: ids(activeTimers(before)), next: ids(activeTimers(after)) };
      const compared = timersToCompare(before, after);
      const some = { previous: ids(compared.previous), next: ids(compared.next) };
      expect(minus(some.previous, some.next)).toEqual(minus(all.previous, all.next));
      expect(minus(some.next, some.previous)).toEqual(minus(all.next, all.previous));
    }
  });

  it('lists no node timers when no node changed and the pause stays as it was', () => {
    const nodeTimers = (timers: readonly ActiveTimer[]) => timers.filter((timer) => 'node' in timer.timer);
    const retrying = states.find((state) => nodeTimers(activeTimers(state)).length > 0) ?? null;
    expect(retrying).not.toBeNull();
    const compared = timersToCompare(retrying, retrying === null ? null : { ...retrying });
    expect([...nodeTimers(compared.previous), ...nodeTimers(compared.next)]).toEqual([]);
  });
});
