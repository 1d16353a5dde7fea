import type { V1DaemonSet } from '@kubernetes/client-node';
import { decide, evolve, type Rollout, type RolloutInput, type RolloutState } from '#rollcall/domain';
import { rolloutRequest } from '../store/testing/rollout-request.fixture.js';
import { externalChanges, noChangeIsFinal } from './external-change.js';

const now = new Date().toISOString();

function after(inputs: RolloutInput[]): Rollout {
  const state = inputs.reduce<RolloutState>((current, input) => {
    const decision = decide(input, current);
    if ('rejected' in decision) throw new Error(decision.message);
    return decision.events.reduce(evolve, current);
  }, null);
  if (state === null) throw new Error('no rollout');
  return state;
}

const requested = () => after([rolloutRequest('ro-1', 'agent')]);
const applied = () =>
  after([
    rolloutRequest('ro-1', 'agent'),
    { type: 'ApproveStage', actor: { kind: 'user', id: 'bob' }, now },
    { type: 'DaemonSetPatched', now, purpose: 'ApplyChange', revisionHash: 'new', generation: 2 },
  ]);

const daemonSet = (strategy: string, image: string, generation = 3): V1DaemonSet => ({
  metadata: { generation },
  spec: {
    selector: {},
    updateStrategy: { type: strategy },
    template: { spec: { containers: [{ name: 'main', image }] } },
  },
});

describe('externalChanges', () => {
  it('sees nothing while the DaemonSet holds what the saga applied', () => {
    expect(externalChanges(applied(), daemonSet('OnDelete', 'busybox:1.37'))).toEqual([]);
  });

  it('names a changed image and a strategy switched back', () => {
    expect(externalChanges(applied(), daemonSet('RollingUpdate', 'busybox:9'))).toEqual([
      'spec.updateStrategy',
      'spec.template.spec.containers[main].image',
    ]);
  });

  it('does not judge a view of the DaemonSet from before the patch it applied (generation 2)', () => {
    expect(externalChanges(applied(), daemonSet('RollingUpdate', 'busybox:1.36', 1))).toEqual([]);
    expect(externalChanges(applied(), daemonSet('RollingUpdate', 'busybox:1.36', 2))).toEqual([]);
  });

  it('does not judge before the change was applied', () => {
    expect(externalChanges(requested(), daemonSet('RollingUpdate', 'busybox:9'))).toEqual([]);
  });
});

describe('noChangeIsFinal', () => {
  it('holds once the change is applied and no patch is in flight', () => {
    expect(noChangeIsFinal(applied())).toBe(true);
  });

  it('does not hold while the template patch is still awaited', () => {
    expect(requested().template).not.toBe('ChangeApplied');
    expect(noChangeIsFinal(requested())).toBe(false);
  });

  it('holds while the rollout is paused (it is watched then too), not once the strategy restore is asked for', () => {
    const paused: Rollout = {
      ...applied(),
      phase: { status: 'Paused', reason: 'RequestedByOperator', previous: { status: 'Running', stageIndex: 0 } },
    };
    expect(noChangeIsFinal(paused)).toBe(true);
    expect(noChangeIsFinal({ ...applied(), strategyRestore: 'Requested' })).toBe(false);
  });
});
