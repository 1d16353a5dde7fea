import type { ClusterStore } from '../store/cluster-store.port.js';
import type { DaemonSetWire, PdbWire } from '../controllers/kube-wire.types.js';

// Namespace and container name match the rollout request example of the README and the API docs.
export const LOG_COLLECTOR = { namespace: 'default', name: 'log-collector', image: 'busybox:1.36' } as const;

/** The DaemonSet example of the Kubernetes documentation (fluentd-elasticsearch), as `log-collector` on busybox. */
export function logCollectorDaemonSet(): DaemonSetWire {
  const labels = { app: LOG_COLLECTOR.name };
  return {
    apiVersion: 'apps/v1',
    kind: 'DaemonSet',
    metadata: { name: LOG_COLLECTOR.name, namespace: LOG_COLLECTOR.namespace, labels },
    spec: {
      selector: { matchLabels: labels },
      updateStrategy: { type: 'RollingUpdate', rollingUpdate: { maxUnavailable: 1, maxSurge: 0 } },
      template: {
        metadata: { labels },
        spec: {
          tolerations: [{ key: 'node-role.kubernetes.io/control-plane', operator: 'Exists', effect: 'NoSchedule' }],
          containers: [
            {
              name: LOG_COLLECTOR.name,
              image: LOG_COLLECTOR.image,
              command: ['sh', '-c', 'tail -F /var/log/*.log'],
              resources: { limits: { memory: '200Mi' }, requests: { cpu: '100m', memory: '200Mi' } },
              volumeMounts: [{ name: 'varlog', mountPath: '/var/log' }],
            },
          ],
          terminationGracePeriodSeconds: 30,
          volumes: [{ name: 'varlog', hostPath: { path: '/var/log' } }],
        },
      },
    },
  };
}

/** An integer minAvailable (90 % of the nodes, rounded down): the only kind that works over DaemonSet pods. */
export function logCollectorBudget(nodes: number): PdbWire {
  return {
    apiVersion: 'policy/v1',
    kind: 'PodDisruptionBudget',
    metadata: { name: LOG_COLLECTOR.name, namespace: LOG_COLLECTOR.namespace },
    spec: { minAvailable: Math.floor(nodes * 0.9), selector: { matchLabels: { app: LOG_COLLECTOR.name } } },
  };
}

export function seedLogCollector(store: ClusterStore, nodes: number): void {
  store.create('daemonsets', logCollectorDaemonSet());
  store.create('poddisruptionbudgets', logCollectorBudget(nodes));
}
