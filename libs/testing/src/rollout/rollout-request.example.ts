/** One stage of a rollout request body, as a client sends it (before validation fills in defaults). */
export interface ExampleStage {
  readonly name: string;
  readonly nodes: { readonly count?: number; readonly percent?: number; readonly selector?: Record<string, string> };
  readonly maxUnavailable?: number | string;
  readonly approvals?: number;
  readonly bakeSeconds?: number;
}

export interface RolloutRequestExample {
  readonly daemonSet: { readonly namespace: string; readonly name: string };
  readonly change: { readonly containers: readonly { readonly name: string; readonly image: string }[] };
  readonly strategy: {
    readonly stages: readonly ExampleStage[];
    readonly nodeReadyTimeoutSeconds: number;
    readonly failurePolicy: { readonly maxFailedNodes: number; readonly action: 'pause' | 'rollback' };
  };
  readonly reason: string;
  readonly ticket: string;
}

export interface RolloutRequestVariant {
  /** The new image of the log-collector container (the example's busybox:1.37 otherwise). */
  readonly image?: string;
  /** Overrides the canary's 30 s bake, for tests that wait for it. */
  readonly canaryBakeSeconds?: number;
  /** Leaves the zone-a stage out: canary, then the rest. */
  readonly withoutZoneA?: boolean;
}

/** The rollout request body of issue #5: a canary, zone a, then the rest, each behind its approvals. */
export function rolloutRequestExample(variant: RolloutRequestVariant = {}): RolloutRequestExample {
  const canary: ExampleStage = {
    name: 'canary',
    nodes: { count: 1 },
    approvals: 1,
    bakeSeconds: variant.canaryBakeSeconds ?? 30,
  };
  const zoneA: ExampleStage = {
    name: 'zone-a',
    nodes: { selector: { 'topology.kubernetes.io/zone': 'a' } },
    maxUnavailable: 2,
  };
  const rest: ExampleStage = { name: 'rest', nodes: { percent: 100 }, maxUnavailable: '10%', approvals: 2 };
  return {
    daemonSet: { namespace: 'default', name: 'log-collector' },
    change: { containers: [{ name: 'log-collector', image: variant.image ?? 'busybox:1.37' }] },
    strategy: {
      stages: variant.withoutZoneA === true ? [canary, rest] : [canary, zoneA, rest],
      nodeReadyTimeoutSeconds: 300,
      failurePolicy: { maxFailedNodes: 0, action: 'rollback' },
    },
    reason: 'CVE fix',
    ticket: 'CHG-1234',
  };
}
