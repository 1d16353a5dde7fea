import type { V1DaemonSet } from '@kubernetes/client-node';
import { evolve, type RolloutInput, type RolloutObservation } from '#rollcall/domain';
import type pg from 'pg';
import { systemClock } from '../clock.js';
import { RolloutDriver } from '../runtime/rollout.driver.js';
import { ConcurrencyConflict } from '../rollout.errors.js';
import {
  EMPTY_STREAM,
  RolloutEventStore,
  type AppendRequest,
  type LoadedRollout,
} from '../store/rollout-event.store.js';
import { rolloutRequest } from '../store/testing/rollout-request.fixture.js';
import { externalChanges } from './external-change.js';

/** Events in memory; an append can be held open to line up inputs behind it, as a slow database does. */
class HeldEventStore extends RolloutEventStore {
  private readonly events: AppendRequest['events'][number][] = [];
  hold: Promise<void> | null = null;

  constructor() {
    super(null as unknown as pg.Pool);
  }

  override load(_rolloutId: string, from: LoadedRollout = EMPTY_STREAM): Promise<LoadedRollout> {
    const newer = this.events.slice(from.version);
    return Promise.resolve({ state: newer.reduce(evolve, from.state), version: this.events.length });
  }

  override async append(request: AppendRequest): Promise<number> {
    const held = this.hold;
    if (held !== null) await held;
    if (request.expectedVersion !== this.events.length)
      throw new ConcurrencyConflict(request.rolloutId, request.expectedVersion);
    this.events.push(...request.events);
    return this.events.length;
  }
}

const ROLLOUT = 'ro-late-check';
const now = () => new Date().toISOString();
const podSeen = (node: string): RolloutObservation => ({
  type: 'PodObserved',
  now: now(),
  node,
  pod: { name: `pod-${node}`, uid: `uid-${node}`, revisionHash: 'old', ready: true, restarts: 1, crashLooping: false },
});
const approve: RolloutInput = { type: 'ApproveStage', actor: { kind: 'user', id: 'bob' }, now: now() };
// The DaemonSet as listed just before our patch (generation 2): RollingUpdate, the old image.
const listedBeforePatch: V1DaemonSet = {
  metadata: { generation: 2 },
  spec: {
    selector: {},
    updateStrategy: { type: 'RollingUpdate' },
    template: { spec: { containers: [{ name: 'main', image: 'busybox:1.36' }] } },
  },
};

describe('a DaemonSet view checked after a batched patch result', () => {
  it('is not taken for someone else’s change', async () => {
    const store = new HeldEventStore();
    const driver = new RolloutDriver(store, systemClock);
    await driver.handle(ROLLOUT, rolloutRequest(ROLLOUT, 'agent'));
    await driver.handle(ROLLOUT, approve);
    let release: () => void = () => undefined;
    store.hold = new Promise<void>((resolve) => (release = resolve));

    const first = driver.record(ROLLOUT, podSeen('n1'));
    const second = driver.record(ROLLOUT, podSeen('n2'));
    const checkLoad = driver.load(ROLLOUT);
    const patchedResult = driver.record(ROLLOUT, {
      type: 'DaemonSetPatched',
      now: now(),
      purpose: 'ApplyChange',
      revisionHash: 'new',
      generation: 3,
    });
    store.hold = null;
    release();
    await Promise.all([first, second, patchedResult]);
    const { state } = await checkLoad;

    expect(state?.template).toBe('ChangeApplied');
    expect(state === null ? null : externalChanges(state, listedBeforePatch)).toEqual([]);
  });
});
