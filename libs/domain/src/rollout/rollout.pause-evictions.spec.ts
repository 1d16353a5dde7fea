import { givenInputs } from './testing/given-when-then.test-helper.js';
import { canaryBaking, carol, evicted, fired, podObserved, t } from './testing/rollout.fixtures.js';
import type { RolloutInput } from './rollout.decider.js';

const pause = (at: number): RolloutInput => ({ type: 'PauseRollout', actor: carol, now: t(at) });
const resume = (at: number): RolloutInput => ({ type: 'ResumeRollout', actor: carol, now: t(at) });

/** The second stage's first batch: node-a2 and node-b1 are asked to be evicted, neither result is back. */
const batchQueued = (): RolloutInput[] => [...canaryBaking(), fired({ kind: 'BakeEnd', stageIndex: 0, bakeId: 1 }, 50)];

describe('rollout saga: evictions queued when the rollout is paused', () => {
  it('keeps the queued nodes Evicting on pause, so the eviction they wait for is still the one to carry out', () => {
    const paused = givenInputs(...batchQueued())
      .when(pause(51))
      .then({ events: [{ type: 'RolloutPaused' }], effects: [{ type: 'Notify', kind: 'RolloutPaused' }] });
    const nodes = paused.state?.nodes ?? {};
    expect([nodes['node-a2'], nodes['node-b1']]).toMatchObject([
      { status: 'Evicting', attempt: 1, evictingPodUid: 'uid-node-a2-rev-old' },
      { status: 'Evicting', attempt: 1, evictingPodUid: 'uid-node-b1-rev-old' },
    ]);
  });

  it('requests no eviction again on resume (the held one runs), and takes its result after the resume', () => {
    const resumed = givenInputs(...batchQueued(), pause(51));
    resumed.when(resume(60)).then({ events: [{ type: 'RolloutResumed' }], effects: [{ type: 'Notify' }] });
    resumed
      .and(resume(60))
      .when(evicted('node-a2', 61))
      .then({ events: [{ type: 'NodePodEvicted', node: 'node-a2', alreadyGone: false }] });
  });

  it('starts the next batch only after the resumed batch is done, each node evicted once', () => {
    givenInputs(...batchQueued(), pause(51), resume(60), evicted('node-a2', 61), evicted('node-b1', 61))
      .and(podObserved('node-a2', 65))
      .when(podObserved('node-b1', 66))
      .then({
        events: [
          { type: 'NodePodObserved', node: 'node-b1' },
          { type: 'NodeUpdated', node: 'node-b1' },
          { type: 'NodeEvictionRequested', node: 'node-b2', attempt: 1 },
        ],
      });
  });
});
