import { createHash } from 'node:crypto';
import type { ConditionWire, ContainerStatusWire, PodStatusWire, PodWire } from '../kube-wire.types.js';
import type { ContainerBehaviour } from './container-behaviour.js';

const digestOf = (text: string): string => createHash('sha256').update(text).digest('hex');

const imageId = (image: string): string => {
  const reference = image.includes('/') ? image : `docker.io/library/${image}`;
  return `${reference.split(':')[0]}@sha256:${digestOf(image)}`;
};

const condition = (type: string, ready: boolean, at: string, previous: ConditionWire[] | undefined): ConditionWire => {
  const status = ready ? 'True' : 'False';
  const before = previous?.find((existing) => existing.type === type);
  const lastTransitionTime = before?.status === status ? (before.lastTransitionTime ?? at) : at;
  const reason = ready || (type !== 'Ready' && type !== 'ContainersReady') ? undefined : 'ContainersNotReady';
  return reason === undefined ? { type, status, lastTransitionTime } : { type, status, lastTransitionTime, reason };
};

export interface RunningPodFacts {
  readonly behaviour: ContainerBehaviour;
  readonly restartCount: number;
  readonly podIP: string;
  readonly hostIP: string;
  readonly nowIso: string;
  /** False when the node is NotReady: containers keep running but the pod is not Ready. */
  readonly nodeReady: boolean;
}

function containerStatus(
  container: PodWire['spec']['containers'][number],
  pod: PodWire,
  facts: RunningPodFacts,
): ContainerStatusWire {
  const image = container.image ?? '';
  const base = {
    name: container.name,
    image,
    imageID: imageId(image),
    containerID: `containerd://${digestOf(`${pod.metadata.uid}/${container.name}/${facts.restartCount}`)}`,
    restartCount: facts.restartCount,
  };
  if (facts.behaviour === 'crashloop') {
    const message = `back-off ${Math.min(10 * 2 ** facts.restartCount, 300)}s restarting failed container=${container.name} pod=${pod.metadata.name}`;
    return {
      ...base,
      ready: false,
      started: false,
      state: { waiting: { reason: 'CrashLoopBackOff', message } },
      lastState: { terminated: { exitCode: 1, reason: 'Error', startedAt: facts.nowIso, finishedAt: facts.nowIso } },
    };
  }
  const previousStart = pod.status?.containerStatuses?.find((status) => status.name === container.name)?.state.running;
  return {
    ...base,
    ready: facts.behaviour === 'ready' && facts.nodeReady,
    started: true,
    state: { running: { startedAt: (previousStart?.startedAt as string | undefined) ?? facts.nowIso } },
    lastState: {},
  };
}

/** The status the kubelet reports for a started pod. */
export function runningPodStatus(pod: PodWire, facts: RunningPodFacts): PodStatusWire {
  const containerStatuses = pod.spec.containers.map((container) => containerStatus(container, pod, facts));
  const ready = containerStatuses.every((status) => status.ready);
  const previous = pod.status?.conditions;
  const at = facts.nowIso;
  return {
    ...pod.status,
    phase: 'Running',
    conditions: [
      condition('PodReadyToStartContainers', true, at, previous),
      condition('Initialized', true, at, previous),
      condition('Ready', ready, at, previous),
      condition('ContainersReady', ready, at, previous),
      condition('PodScheduled', true, at, previous),
    ],
    hostIP: facts.hostIP,
    hostIPs: [{ ip: facts.hostIP }],
    podIP: facts.podIP,
    podIPs: [{ ip: facts.podIP }],
    startTime: pod.status?.startTime ?? at,
    containerStatuses,
    qosClass: 'BestEffort',
  };
}
