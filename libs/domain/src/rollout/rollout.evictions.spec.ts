import { givenInputs } from './testing/given-when-then.test-helper.js';
import {
  canaryEvicting,
  cluster,
  evicted,
  fired,
  NEW,
  OLD,
  podObserved,
  ROLLOUT_ID,
  spec,
  start,
  t,
} from './testing/rollout.fixtures.js';
import type { RolloutInput } from './rollout.decider.js';

const blocked = (at: number): RolloutInput => ({
  type: 'EvictionBlockedByPdb',
  now: t(at),
  node: 'node-a1',
  podUid: 'uid-node-a1-rev-old',
  pdb: 'default/log-collector',
  message: 'Cannot evict pod as it would violate the pod disruption budget.',
});
const failedEviction = (at: number, reason: 'PodNotFound' | 'RateLimited' | 'MultiplePdbs'): RolloutInput => ({
  type: 'EvictionFailed',
  now: t(at),
  node: 'node-a1',
  podUid: 'uid-node-a1-rev-old',
  reason,
  message: reason,
});

describe('rollout saga: evictions and pods', () => {
  it('produces no second effect when the same eviction result is delivered twice', () => {
    givenInputs(...canaryEvicting(), evicted('node-a1', 12))
      .when(evicted('node-a1', 13))
      .thenIgnored('AlreadyHandled');
  });

  it('does not count a Ready pod on the old revision as updated', () => {
    givenInputs(...canaryEvicting(), evicted('node-a1', 12))
      .when(podObserved('node-a1', 20, OLD, { uid: 'uid-recreated-old' }))
      .then({ events: [{ type: 'NodePodObserved' }], effects: [] });
  });

  it('ignores a pod observation that repeats what is known', () => {
    givenInputs(...canaryEvicting(), evicted('node-a1', 12), podObserved('node-a1', 15, NEW, { ready: false }))
      .when(podObserved('node-a1', 16, NEW, { ready: false }))
      .thenIgnored('AlreadyHandled');
  });

  it('waits for readiness of the new pod before counting the node', () => {
    givenInputs(...canaryEvicting(), evicted('node-a1', 12))
      .when(podObserved('node-a1', 15, NEW, { ready: false }))
      .thenEventTypes(['NodePodObserved']);
  });

  it('accepts the new pod even when it is seen before the eviction result', () => {
    givenInputs(...canaryEvicting())
      .when(podObserved('node-a1', 12))
      .thenEventTypes(['NodePodObserved', 'NodeUpdated', 'StageBakeStarted']);
    givenInputs(...canaryEvicting(), podObserved('node-a1', 12))
      .when(evicted('node-a1', 13))
      .thenIgnored('AlreadyHandled');
  });

  it('retries with backoff while the PDB refuses, then proceeds once it allows', () => {
    const refused = givenInputs(...canaryEvicting());
    refused.when(blocked(12)).then({
      events: [
        { type: 'NodeEvictionBlockedByPdb', node: 'node-a1', pdb: 'default/log-collector', attempt: 1, retryAt: t(17) },
      ],
      effects: [{ type: 'ScheduleTimer', at: t(17), timer: { kind: 'EvictionRetry', node: 'node-a1', attempt: 1 } }],
    });
    const retry = fired({ kind: 'EvictionRetry', node: 'node-a1', attempt: 1 }, 17);
    refused
      .and(blocked(12))
      .when(retry)
      .then({
        events: [{ type: 'NodeEvictionRequested', node: 'node-a1', attempt: 2 }],
        effects: [{ type: 'EvictPod', attempt: 2, podUid: 'uid-node-a1-rev-old' }],
      });
    refused
      .and(blocked(12), retry)
      .when(blocked(18))
      .then({ events: [{ type: 'NodeEvictionBlockedByPdb', attempt: 2, retryAt: t(28) }] });
    refused
      .and(blocked(12), retry, blocked(18), fired({ kind: 'EvictionRetry', node: 'node-a1', attempt: 2 }, 28))
      .when(evicted('node-a1', 29))
      .thenEventTypes(['NodePodEvicted']);
  });

  it('ignores an eviction retry that fires twice', () => {
    const retry = fired({ kind: 'EvictionRetry', node: 'node-a1', attempt: 1 }, 17);
    givenInputs(...canaryEvicting(), blocked(12), retry)
      .when(retry)
      .thenIgnored('TimerNoLongerRelevant');
  });

  it('says when crash-looping new pods may be what eats the PDB budget', () => {
    const outcome = givenInputs(
      ...canaryEvicting(),
      podObserved('node-b1', 11, NEW, { crashLooping: true, ready: false }),
    ).when(blocked(12));
    outcome.then({
      events: [{ type: 'NodeEvictionBlockedByPdb', crashLoopingNodes: ['node-b1'] }],
      effects: [{ type: 'Notify', kind: 'EvictionsBlockedByCrashLoops' }, { type: 'ScheduleTimer' }],
    });
  });

  it('treats a pod that is already gone as evicted, and retries a rate-limited eviction', () => {
    givenInputs(...canaryEvicting())
      .when(failedEviction(12, 'PodNotFound'))
      .then({ events: [{ type: 'NodePodEvicted', alreadyGone: true }] });
    givenInputs(...canaryEvicting())
      .when(failedEviction(12, 'RateLimited'))
      .then({ events: [{ type: 'NodeEvictionThrottled', retryAt: t(17) }], effects: [{ type: 'ScheduleTimer' }] });
  });

  it('fails the node when the eviction is refused for good, and pauses per the default policy', () => {
    givenInputs(...canaryEvicting())
      .when(failedEviction(12, 'MultiplePdbs'))
      .then({
        events: [
          { type: 'NodeFailed', node: 'node-a1', reason: 'EvictionFailed' },
          { type: 'RolloutPaused', actor: null, reason: 'FailureThresholdExceeded' },
        ],
      });
  });

  it('fails a node whose new pod is not Ready by the deadline; a late or repeated timer does nothing more', () => {
    const timeout = fired({ kind: 'NodeReadyTimeout', node: 'node-a1', attempt: 1 }, 400);
    const waiting = givenInputs(
      ...canaryEvicting(),
      evicted('node-a1', 12),
      podObserved('node-a1', 20, NEW, { ready: false }),
    );
    waiting.when(timeout).then({
      events: [
        { type: 'NodeFailed', node: 'node-a1', reason: 'ReadyTimeout', podUid: 'uid-node-a1-rev-new' },
        { type: 'RolloutPaused', reason: 'FailureThresholdExceeded' },
      ],
    });
    waiting.and(timeout).when(timeout).thenIgnored('TimerNoLongerRelevant');
    waiting.and(podObserved('node-a1', 30)).when(timeout).thenIgnored('TimerNoLongerRelevant');
  });

  it('lets a removed node go without failing it and moves on', () => {
    givenInputs(...canaryEvicting(), evicted('node-a1', 12))
      .when({ type: 'NodeRemoved', now: t(15), node: 'node-a1' })
      .then({
        events: [
          { type: 'NodeRemoved', node: 'node-a1', previousStatus: 'WaitingForPod' },
          { type: 'StageBakeStarted' },
        ],
        effects: [
          { type: 'CancelTimer', timerId: `${ROLLOUT_ID}/node-ready/node-a1/1` },
          { type: 'ScheduleTimer', timer: { kind: 'BakeEnd' } },
        ],
      });
    givenInputs(...canaryEvicting(), { type: 'NodeRemoved', now: t(15), node: 'node-a1' })
      .when({ type: 'NodeRemoved', now: t(16), node: 'node-a1' })
      .thenIgnored('AlreadyHandled');
    givenInputs(...canaryEvicting())
      .when({ type: 'NodeRemoved', now: t(15), node: 'node-zz' })
      .thenIgnored('UnknownNode');
  });

  it('waits for the controller to create a pod on a node that has none', () => {
    const base = cluster();
    const withoutPod = { ...base, pods: base.pods.filter((p) => p.nodeName !== 'node-a1') };
    givenInputs(start(0, spec({ stages: [{ name: 'all', nodes: { count: 1 } }] }), withoutPod))
      .when({ type: 'DaemonSetPatched', now: t(1), purpose: 'ApplyChange', revisionHash: NEW, generation: 4 })
      .then({
        events: [
          { type: 'DaemonSetTemplateApplied' },
          { type: 'StageStarted' },
          { type: 'NodeAwaitingPod', node: 'node-a1', attempt: 1, readyDeadline: t(301) },
        ],
        effects: [{ type: 'Notify' }, { type: 'ScheduleTimer', timer: { kind: 'NodeReadyTimeout', node: 'node-a1' } }],
      });
  });
});
