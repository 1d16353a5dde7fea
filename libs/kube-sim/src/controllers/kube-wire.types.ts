import type { KubeObject } from '../store/cluster-store.port.js';

/** The wire shapes (JSON as the API server stores it) that the controllers read and write. */
export type IntOrString = number | string;

export interface Requirement {
  readonly key: string;
  readonly operator: string;
  readonly values?: readonly string[];
}

export interface LabelSelector {
  readonly matchLabels?: Readonly<Record<string, string>>;
  readonly matchExpressions?: readonly Requirement[];
}

export interface Taint {
  readonly key: string;
  readonly value?: string;
  readonly effect: 'NoSchedule' | 'PreferNoSchedule' | 'NoExecute' | string;
}

export interface Toleration {
  readonly key?: string;
  readonly operator?: 'Exists' | 'Equal' | string;
  readonly value?: string;
  readonly effect?: string;
  readonly tolerationSeconds?: number;
}

export interface NodeSelectorTerm {
  readonly matchExpressions?: readonly Requirement[];
  readonly matchFields?: readonly Requirement[];
}

export interface PodSpecWire {
  nodeName?: string;
  nodeSelector?: Record<string, string>;
  hostNetwork?: boolean;
  tolerations?: Toleration[];
  affinity?: {
    nodeAffinity?: {
      requiredDuringSchedulingIgnoredDuringExecution?: { nodeSelectorTerms: NodeSelectorTerm[] };
      [field: string]: unknown;
    };
    [field: string]: unknown;
  };
  containers: { name: string; image?: string; [field: string]: unknown }[];
  [field: string]: unknown;
}

export interface PodTemplateWire {
  metadata?: { labels?: Record<string, string>; annotations?: Record<string, string>; [field: string]: unknown };
  spec: PodSpecWire;
}

export interface ConditionWire {
  type: string;
  status: 'True' | 'False' | 'Unknown';
  lastTransitionTime?: string;
  reason?: string;
  message?: string;
  [field: string]: unknown;
}

export interface ContainerStatusWire {
  name: string;
  image: string;
  imageID: string;
  ready: boolean;
  started: boolean;
  restartCount: number;
  containerID?: string;
  state: Record<string, Record<string, unknown>>;
  lastState: Record<string, Record<string, unknown>>;
}

export interface PodStatusWire {
  phase?: 'Pending' | 'Running' | 'Succeeded' | 'Failed' | 'Unknown';
  conditions?: ConditionWire[];
  containerStatuses?: ContainerStatusWire[];
  startTime?: string;
  podIP?: string;
  podIPs?: { ip: string }[];
  hostIP?: string;
  [field: string]: unknown;
}

export interface PodWire extends KubeObject {
  spec: PodSpecWire;
  status?: PodStatusWire;
}

export interface NodeWire extends KubeObject {
  spec?: { taints?: Taint[]; unschedulable?: boolean; [field: string]: unknown };
  status?: { conditions?: ConditionWire[]; addresses?: { type: string; address: string }[]; [field: string]: unknown };
}

export interface DaemonSetSpecWire {
  selector: LabelSelector;
  template: PodTemplateWire;
  updateStrategy?: {
    type?: 'RollingUpdate' | 'OnDelete';
    rollingUpdate?: { maxUnavailable?: IntOrString; maxSurge?: IntOrString };
  };
  minReadySeconds?: number;
  revisionHistoryLimit?: number;
}

export interface DaemonSetStatusWire {
  currentNumberScheduled: number;
  numberMisscheduled: number;
  desiredNumberScheduled: number;
  numberReady: number;
  numberAvailable: number;
  numberUnavailable: number;
  updatedNumberScheduled: number;
  observedGeneration: number;
  collisionCount?: number;
}

export interface DaemonSetWire extends KubeObject {
  spec: DaemonSetSpecWire;
  status?: Partial<DaemonSetStatusWire>;
}

export interface ControllerRevisionWire extends KubeObject {
  data: { spec: { template: PodTemplateWire & { $patch?: string } } };
  revision: number;
}

export interface PdbSpecWire {
  selector?: LabelSelector;
  minAvailable?: IntOrString;
  maxUnavailable?: IntOrString;
  unhealthyPodEvictionPolicy?: 'IfHealthyBudget' | 'AlwaysAllow';
}

export interface PdbStatusWire {
  observedGeneration: number;
  disruptedPods?: Record<string, string>;
  disruptionsAllowed: number;
  currentHealthy: number;
  desiredHealthy: number;
  expectedPods: number;
  conditions?: ConditionWire[];
}

export interface PdbWire extends KubeObject {
  spec: PdbSpecWire;
  status?: PdbStatusWire;
}
