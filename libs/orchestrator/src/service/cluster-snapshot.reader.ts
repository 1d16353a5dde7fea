import { AppsV1Api, CoreV1Api, PolicyV1Api, type KubeConfig } from '@kubernetes/client-node';
import type { ClusterSnapshot, DaemonSetPodView, DaemonSetRef } from '#rollcall/domain';
import { kubeFailureOf } from '../effects/kube-failure.js';
import {
  daemonSetViewOf,
  nodeViewOf,
  pdbViewOf,
  podViewOf,
  selectsDaemonSetPods,
  targetedNodes,
} from './cluster-snapshot.mapping.js';

/** Reads what planning needs straight from the API server: the DaemonSet, its nodes, pods, revisions and PDBs. */
export class ClusterSnapshotReader {
  private readonly core: CoreV1Api;
  private readonly apps: AppsV1Api;
  private readonly policy: PolicyV1Api;

  constructor(kubeConfig: KubeConfig) {
    this.core = kubeConfig.makeApiClient(CoreV1Api);
    this.apps = kubeConfig.makeApiClient(AppsV1Api);
    this.policy = kubeConfig.makeApiClient(PolicyV1Api);
  }

  /** Null when the DaemonSet does not exist. */
  async read(ref: DaemonSetRef): Promise<ClusterSnapshot | null> {
    const { namespace, name } = ref;
    const ds = await this.apps.readNamespacedDaemonSet({ namespace, name }).catch((error: unknown) => {
      if (kubeFailureOf(error).status === 404) return null;
      throw error;
    });
    if (ds === null) return null;
    const labelSelector = Object.entries(ds.spec?.selector.matchLabels ?? {})
      .map(([key, value]) => `${key}=${value}`)
      .join(',');
    const [nodes, pods, revisions, pdbs] = await Promise.all([
      this.core.listNode(),
      this.core.listNamespacedPod({ namespace, labelSelector }),
      this.apps.listNamespacedControllerRevision({ namespace, labelSelector }),
      this.policy.listNamespacedPodDisruptionBudget({ namespace }),
    ]);
    const uid = ds.metadata?.uid ?? '';
    return {
      daemonSet: daemonSetViewOf(ds, revisions.items),
      nodes: targetedNodes(ds, nodes.items).map(nodeViewOf),
      pods: pods.items.map((pod) => podViewOf(pod, uid)).filter((pod): pod is DaemonSetPodView => pod !== null),
      pdbs: pdbs.items.filter((pdb) => selectsDaemonSetPods(pdb, ds)).map(pdbViewOf),
    };
  }
}
