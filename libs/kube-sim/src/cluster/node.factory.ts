import { createHash } from 'node:crypto';
import type { NodeWire } from '../controllers/kube-wire.types.js';

// Short zone names, so the README's rollout example (zone "a") selects nodes as written.
export const DEFAULT_ZONES = ['a', 'b', 'c'];
export const SIMULATED_KUBELET_VERSION = 'v1.33.1';

export const nodeName = (index: number): string => `node-${String(index).padStart(4, '0')}`;

const idOf = (name: string, purpose: string): string =>
  createHash('sha256').update(`${purpose}/${name}`).digest('hex').slice(0, 32);

const pressure = (type: string, reason: string, message: string, at: string) => ({
  type,
  status: 'False' as const,
  lastHeartbeatTime: at,
  lastTransitionTime: at,
  reason,
  message,
});

/** A Ready worker node as a kubelet would register it (index counts from 1). */
export function buildNode(index: number, zones: readonly string[], nowIso: string): NodeWire {
  const name = nodeName(index);
  const address = `10.0.${(index >> 8) & 255}.${index & 255}`;
  const resources = { cpu: '4', memory: '16393216Ki', pods: '110', 'ephemeral-storage': '101430960Ki' };
  return {
    apiVersion: 'v1',
    kind: 'Node',
    metadata: {
      name,
      labels: {
        'kubernetes.io/hostname': name,
        'kubernetes.io/os': 'linux',
        'kubernetes.io/arch': 'amd64',
        'topology.kubernetes.io/zone': zones[(index - 1) % zones.length] ?? 'a',
        'node-role.kubernetes.io/worker': '',
      },
    },
    spec: { podCIDR: `10.244.${index % 256}.0/24`, providerID: `kube-sim://${name}` },
    status: {
      capacity: resources,
      allocatable: { ...resources, cpu: '3920m', memory: '15778816Ki' },
      conditions: [
        pressure('MemoryPressure', 'KubeletHasSufficientMemory', 'kubelet has sufficient memory available', nowIso),
        pressure('DiskPressure', 'KubeletHasNoDiskPressure', 'kubelet has no disk pressure', nowIso),
        pressure('PIDPressure', 'KubeletHasSufficientPID', 'kubelet has sufficient PID available', nowIso),
        {
          type: 'Ready',
          status: 'True',
          lastHeartbeatTime: nowIso,
          lastTransitionTime: nowIso,
          reason: 'KubeletReady',
          message: 'kubelet is posting ready status',
        },
      ],
      addresses: [
        { type: 'InternalIP', address },
        { type: 'Hostname', address: name },
      ],
      daemonEndpoints: { kubeletEndpoint: { Port: 10250 } },
      nodeInfo: {
        machineID: idOf(name, 'machine'),
        systemUUID: idOf(name, 'system'),
        bootID: idOf(name, 'boot'),
        kernelVersion: '6.8.0-60-generic',
        osImage: 'Ubuntu 24.04.2 LTS',
        containerRuntimeVersion: 'containerd://1.7.27',
        kubeletVersion: SIMULATED_KUBELET_VERSION,
        kubeProxyVersion: SIMULATED_KUBELET_VERSION,
        operatingSystem: 'linux',
        architecture: 'amd64',
      },
    },
  };
}
