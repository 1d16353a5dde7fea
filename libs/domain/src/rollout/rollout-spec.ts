/** A DaemonSet addressed by namespace and name. */
export interface DaemonSetRef {
  readonly namespace: string;
  readonly name: string;
}

export interface ContainerImage {
  readonly name: string;
  readonly image: string;
}

/** What the rollout changes in the pod template: container images, or a strategic merge patch. */
export type TemplateChange =
  | { readonly kind: 'containers'; readonly containers: readonly ContainerImage[] }
  | { readonly kind: 'templatePatch'; readonly templatePatch: Readonly<Record<string, unknown>> };

/** Which nodes a stage takes, from the nodes no earlier stage took. */
export type NodeSelection =
  | { readonly kind: 'count'; readonly count: number }
  | { readonly kind: 'percent'; readonly percent: number }
  | { readonly kind: 'selector'; readonly selector: Readonly<Record<string, string>> };

/** An absolute number of nodes, or a percentage of the DaemonSet's desired pods ("10%"). */
export type MaxUnavailable = number | `${number}%`;

export interface HealthGates {
  /** Container restarts tolerated on an updated pod, counted from the moment it became the update. */
  readonly maxRestarts: number;
  readonly failOnCrashLoop: boolean;
  readonly failOnReadinessLoss: boolean;
}

export interface StageSpec {
  readonly name: string;
  readonly nodes: NodeSelection;
  readonly maxUnavailable: MaxUnavailable;
  /** Distinct approvers needed before the stage starts; the requester never counts. */
  readonly approvals: number;
  readonly bakeSeconds: number;
  readonly healthGates: HealthGates;
}

export type FailureAction = 'pause' | 'rollback';

export interface FailurePolicy {
  /** Failed nodes tolerated; one more triggers the action. */
  readonly maxFailedNodes: number;
  readonly action: FailureAction;
}

export interface RolloutStrategy {
  readonly stages: readonly StageSpec[];
  readonly nodeReadyTimeoutSeconds: number;
  readonly failurePolicy: FailurePolicy;
  /** How long an approval stays valid; an approval older than this no longer counts. */
  readonly approvalValiditySeconds: number;
}

export interface RolloutSpec {
  readonly daemonSet: DaemonSetRef;
  readonly change: TemplateChange;
  readonly strategy: RolloutStrategy;
  readonly reason: string;
  readonly ticket: string | null;
}

/** Every default of a rollout request, stated once. */
export const ROLLOUT_DEFAULTS = {
  maxUnavailable: 1,
  approvals: 0,
  bakeSeconds: 0,
  nodeReadyTimeoutSeconds: 300,
  approvalValiditySeconds: 24 * 60 * 60,
  failurePolicy: { maxFailedNodes: 0, action: 'pause' },
  healthGates: { maxRestarts: 2, failOnCrashLoop: true, failOnReadinessLoss: true },
} as const satisfies {
  maxUnavailable: MaxUnavailable;
  approvals: number;
  bakeSeconds: number;
  nodeReadyTimeoutSeconds: number;
  approvalValiditySeconds: number;
  failurePolicy: FailurePolicy;
  healthGates: HealthGates;
};
