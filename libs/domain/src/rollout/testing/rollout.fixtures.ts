import type { Actor } from '../../envelope.js';
import type { ClusterSnapshot, DaemonSetPodView, NodeView } from '../cluster-view.js';
import type { RolloutInput } from '../rollout.decider.js';
import type { ObservedPod, PatchPurpose } from '../rollout.observations.js';
import type { RolloutSpec } from '../rollout-spec.js';
import { validateRolloutSpec } from '../rollout-spec.validation.js';
import type { RolloutTimer } from '../rollout.timers.js';

export const ROLLOUT_ID = 'ro-1';
export const OLD = 'rev-old';
export const NEW = 'rev-new';

export const alice: Actor = { kind: 'user', id: 'alice' };
export const bob: Actor = { kind: 'user', id: 'bob' };
export const carol: Actor = { kind: 'user', id: 'carol' };

/** Seconds after a fixed instant, so tests read as a timeline. */
export function t(seconds: number): string {
  return new Date(Date.UTC(2030, 0, 1) + seconds * 1000).toISOString();
}

export function node(name: string, labels: Record<string, string> = {}, extra: Partial<NodeView> = {}): NodeView {
  return { name, labels, ready: true, schedulable: true, ...extra };
}

export function pod(nodeName: string, revisionHash = OLD, extra: Partial<DaemonSetPodView> = {}): DaemonSetPodView {
  return {
    name: `log-collector-${nodeName}-${revisionHash}`,
    uid: `uid-${nodeName}-${revisionHash}`,
    nodeName,
    revisionHash,
    ready: true,
    restarts: 0,
    crashLooping: false,
    ...extra,
  };
}

/** Four nodes in two zones, each running a Ready pod on the old revision. */
export function cluster(overrides: Partial<ClusterSnapshot> = {}): ClusterSnapshot {
  const nodes = [
    node('node-a1', { zone: 'a' }),
    node('node-a2', { zone: 'a' }),
    node('node-b1', { zone: 'b' }),
    node('node-b2', { zone: 'b' }),
  ];
  return {
    daemonSet: {
      uid: 'ds-uid',
      generation: 3,
      observedGeneration: 3,
      desiredNumberScheduled: nodes.length,
      currentRevisionHash: OLD,
      updateStrategy: { type: 'RollingUpdate', rollingUpdate: { maxUnavailable: 1 } },
      containerNames: ['log-collector'],
    },
    nodes,
    pods: nodes.map((n) => pod(n.name)),
    pdbs: [],
    ...overrides,
  };
}

export function spec(strategy: Record<string, unknown> = {}): RolloutSpec {
  const result = validateRolloutSpec({
    daemonSet: { namespace: 'default', name: 'log-collector' },
    change: { containers: [{ name: 'log-collector', image: 'busybox:1.37' }] },
    strategy: {
      stages: [
        { name: 'canary', nodes: { count: 1 }, approvals: 1, bakeSeconds: 30 },
        { name: 'rest', nodes: { percent: 100 }, maxUnavailable: 2 },
      ],
      ...strategy,
    },
    reason: 'CVE fix',
    ticket: 'CHG-1234',
  });
  if (!result.ok) throw new Error(JSON.stringify(result.problems));
  return result.spec;
}

export const start = (at = 0, rolloutSpec = spec(), snapshot = cluster()): RolloutInput => ({
  type: 'StartRollout',
  rolloutId: ROLLOUT_ID,
  actor: alice,
  now: t(at),
  spec: rolloutSpec,
  cluster: snapshot,
});

export const approve = (actor: Actor, at: number, stage?: string): RolloutInput => ({
  type: 'ApproveStage',
  actor,
  now: t(at),
  ...(stage === undefined ? {} : { stage }),
});

export const patched = (at: number, purpose: PatchPurpose = 'ApplyChange', revisionHash = NEW): RolloutInput => ({
  type: 'DaemonSetPatched',
  now: t(at),
  purpose,
  revisionHash,
  generation: 4,
});

export const evicted = (nodeName: string, at: number, revisionHash = OLD): RolloutInput => ({
  type: 'PodEvicted',
  now: t(at),
  node: nodeName,
  podUid: `uid-${nodeName}-${revisionHash}`,
});

export function observedPod(nodeName: string, revisionHash: string, extra: Partial<ObservedPod> = {}): ObservedPod {
  const { nodeName: _ignored, ...view } = pod(nodeName, revisionHash);
  return { ...view, ...extra };
}

export const podObserved = (
  nodeName: string,
  at: number,
  revisionHash = NEW,
  extra: Partial<ObservedPod> = {},
): RolloutInput => ({
  type: 'PodObserved',
  now: t(at),
  node: nodeName,
  pod: observedPod(nodeName, revisionHash, extra),
});

export const fired = (timer: RolloutTimer, at: number): RolloutInput => ({ type: 'TimerFired', now: t(at), timer });

/** Requested by alice, canary approved by bob, template applied: node-a1 is being evicted. */
export const canaryEvicting = (): RolloutInput[] => [start(0), approve(bob, 10), patched(11)];

/** The canary node runs the new revision and the stage bakes (bake id 1, ends at t(50)). */
export const canaryBaking = (): RolloutInput[] => [
  ...canaryEvicting(),
  evicted('node-a1', 12),
  podObserved('node-a1', 20),
];
