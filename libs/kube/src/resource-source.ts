import {
  AppsV1Api,
  CoreV1Api,
  PolicyV1Api,
  type KubeConfig,
  type KubernetesObject,
  type V1ListMeta,
} from '@kubernetes/client-node';

export interface ListPage<T> {
  readonly items: readonly T[];
  readonly metadata?: V1ListMeta;
}

export interface ListQuery {
  readonly limit: number;
  readonly continueToken?: string;
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

type Lister<T> = (query: {
  limit: number;
  _continue?: string;
  labelSelector?: string;
  fieldSelector?: string;
}) => Promise<ListPage<T>>;

const sourceOf = <T extends KubernetesObject>(
  resource: string,
  watchPath: string,
  lister: Lister<T>,
  selectors: SourceSelectors,
): ResourceSource<T> => ({
  resource,
  watchPath,
  ...selectors,
  list: (query) => lister({ limit: query.limit, _continue: query.continueToken, ...selectors }),
});

/** The cluster-wide sources the watcher needs, over the typed client-node APIs. */
export const clusterSources = (kubeConfig: KubeConfig) => {
  const core = kubeConfig.makeApiClient(CoreV1Api);
  const apps = kubeConfig.makeApiClient(AppsV1Api);
  const policy = kubeConfig.makeApiClient(PolicyV1Api);
  return {
    nodes: (selectors: SourceSelectors = {}) =>
      sourceOf('nodes', '/api/v1/nodes', (query) => core.listNode(query), selectors),
    pods: (selectors: SourceSelectors = {}) =>
      sourceOf('pods', '/api/v1/pods', (query) => core.listPodForAllNamespaces(query), selectors),
    daemonSets: (selectors: SourceSelectors = {}) =>
      sourceOf(
        'daemonsets',
        '/apis/apps/v1/daemonsets',
        (query) => apps.listDaemonSetForAllNamespaces(query),
        selectors,
      ),
    controllerRevisions: (selectors: SourceSelectors = {}) =>
      sourceOf(
        'controllerrevisions',
        '/apis/apps/v1/controllerrevisions',
        (query) => apps.listControllerRevisionForAllNamespaces(query),
        selectors,
      ),
    podDisruptionBudgets: (selectors: SourceSelectors = {}) =>
      sourceOf(
        'poddisruptionbudgets',
        '/apis/policy/v1/poddisruptionbudgets',
        (query) => policy.listPodDisruptionBudgetForAllNamespaces(query),
        selectors,
      ),
  };
};

export type ClusterSources = ReturnType<typeof clusterSources>;
