/** A node the DaemonSet targets, as the adapters saw it. */
export interface NodeView {
  readonly name: string;
  readonly labels: Readonly<Record<string, string>>;
  readonly ready: boolean;
  /** False when the node is cordoned (spec.unschedulable). */
  readonly schedulable: boolean;
}

/** A pod owned by the DaemonSet. */
export interface DaemonSetPodView {
  readonly name: string;
  readonly uid: string;
  readonly nodeName: string;
  /** The pod's `controller-revision-hash` label. */
  readonly revisionHash: string;
  readonly ready: boolean;
  readonly restarts: number;
  readonly crashLooping: boolean;
}

export type IntOrPercent = number | string;

/** A PodDisruptionBudget whose selector matches the DaemonSet's pods. */
export interface PdbView {
  readonly namespace: string;
  readonly name: string;
  readonly generation: number;
  readonly minAvailable: IntOrPercent | null;
  readonly maxUnavailable: IntOrPercent | null;
  readonly status: {
    readonly observedGeneration: number;
    readonly disruptionsAllowed: number;
    readonly currentHealthy: number;
    readonly desiredHealthy: number;
    readonly expectedPods: number;
  };
}

export interface DaemonSetUpdateStrategy {
  readonly type: 'RollingUpdate' | 'OnDelete';
  readonly rollingUpdate?: { readonly maxUnavailable?: IntOrPercent; readonly maxSurge?: IntOrPercent };
}

/** The DaemonSet as it stood when the rollout was requested. */
export interface DaemonSetView {
  readonly uid: string;
  readonly generation: number;
  /** `status.desiredNumberScheduled`, trusted only when observedGeneration >= generation. */
  readonly desiredNumberScheduled: number;
  readonly observedGeneration: number;
  /** The hash of the ControllerRevision with the highest `.revision`. */
  readonly currentRevisionHash: string;
  readonly updateStrategy: DaemonSetUpdateStrategy;
  /** The names of the pod template's containers, in template order. */
  readonly containerNames: readonly string[];
}

export interface ClusterSnapshot {
  readonly daemonSet: DaemonSetView;
  readonly nodes: readonly NodeView[];
  readonly pods: readonly DaemonSetPodView[];
  readonly pdbs: readonly PdbView[];
}
