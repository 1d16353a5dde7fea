import type {
  KubeConfig,
  KubernetesObject,
  V1ControllerRevision,
  V1DaemonSet,
  V1ListMeta,
  V1Node,
  V1Pod,
  V1PodDisruptionBudget,
} from '@kubernetes/client-node';
import { listJson } from './list-json.js';

export interface ListPage<T> {
  readonly items: readonly T[];
  readonly metadata?: V1ListMeta;
}

export interface ListQuery {
  readonly limit: number;
  readonly continueToken?: string;
  /** Aborts the request (the watcher is stopping). */
  readonly signal?: AbortSignal;
}

/** How to list and where to watch one resource, with its selectors applied to both. */
export interface ResourceSource<T extends KubernetesObject = KubernetesObject> {
  readonly resource: string;
  readonly watchPath: string;
  readonly labelSelector?: string;
  readonly fieldSelector?: string;
  list(query: ListQuery): Promise<ListPage<T>>;
}

export interface SourceSelectors {
  readonly labelSelector?: string;
  readonly fieldSelector?: string;
}

/** The cluster-wide sources the watcher needs, listed as plain JSON like their watch events. */
export const clusterSources = (kubeConfig: KubeConfig) => {
  // Each lists and watches the same path with the same selectors.
  const source =
    <T extends KubernetesObject>(resource: string, path: string) =>
    (selectors: SourceSelectors = {}): ResourceSource<T> => ({
      resource,
      watchPath: path,
      ...selectors,
      list: (query) => listJson<T>(kubeConfig, path, { ...query, ...selectors }),
    });
  return {
    nodes: source<V1Node>('nodes', '/api/v1/nodes'),
    pods: source<V1Pod>('pods', '/api/v1/pods'),
    daemonSets: source<V1DaemonSet>('daemonsets', '/apis/apps/v1/daemonsets'),
    controllerRevisions: source<V1ControllerRevision>('controllerrevisions', '/apis/apps/v1/controllerrevisions'),
    podDisruptionBudgets: source<V1PodDisruptionBudget>('poddisruptionbudgets', '/apis/policy/v1/poddisruptionbudgets'),
  };
};

export type ClusterSources = ReturnType<typeof clusterSources>;
