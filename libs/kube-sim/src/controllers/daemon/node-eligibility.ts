import type { NodeSelectorTerm, NodeWire, PodSpecWire, Taint, Toleration } from '../kube-wire.types.js';
import { matchesRequirement } from '../label-selector.js';

export interface NodeEligibility {
  /** A daemon pod should be created on the node. */
  readonly shouldRun: boolean;
  /** An existing daemon pod may stay (only a NoExecute taint or a selector mismatch evicts it). */
  readonly shouldContinueRunning: boolean;
}

const NO_SCHEDULE_TOLERATIONS = [
  'node.kubernetes.io/disk-pressure',
  'node.kubernetes.io/memory-pressure',
  'node.kubernetes.io/pid-pressure',
  'node.kubernetes.io/unschedulable',
];

/** The tolerations the DaemonSet controller adds to every daemon pod (util.AddOrUpdateDaemonPodTolerations). */
export function withDaemonPodTolerations(spec: PodSpecWire): Toleration[] {
  const added: Toleration[] = [
    { key: 'node.kubernetes.io/not-ready', operator: 'Exists', effect: 'NoExecute' },
    { key: 'node.kubernetes.io/unreachable', operator: 'Exists', effect: 'NoExecute' },
    ...NO_SCHEDULE_TOLERATIONS.map((key) => ({ key, operator: 'Exists', effect: 'NoSchedule' })),
  ];
  if (spec.hostNetwork === true) {
    added.push({ key: 'node.kubernetes.io/network-unavailable', operator: 'Exists', effect: 'NoSchedule' });
  }
  const own = spec.tolerations ?? [];
  const missing = added.filter((toleration) => !own.some((existing) => sameToleration(existing, toleration)));
  return [...own, ...missing];
}

function sameToleration(left: Toleration, right: Toleration): boolean {
  return left.key === right.key && left.effect === right.effect && (left.operator ?? 'Equal') === right.operator;
}

export function toleratesTaint(toleration: Toleration, taint: Taint): boolean {
  if (toleration.effect !== undefined && toleration.effect !== '' && toleration.effect !== taint.effect) return false;
  if (toleration.key !== undefined && toleration.key !== '' && toleration.key !== taint.key) return false;
  if (toleration.operator === 'Exists') return true;
  return (toleration.value ?? '') === (taint.value ?? '');
}

function nodeMatchesTerm(node: NodeWire, term: NodeSelectorTerm): boolean {
  const expressions = term.matchExpressions ?? [];
  const fields = term.matchFields ?? [];
  if (expressions.length === 0 && fields.length === 0) return false;
  const fieldValues = { 'metadata.name': node.metadata.name ?? '' };
  return (
    expressions.every((requirement) => matchesRequirement(node.metadata.labels, requirement)) &&
    fields.every((requirement) => matchesRequirement(fieldValues, requirement))
  );
}

/** nodeSelector plus required node affinity (terms are ORed, expressions within a term ANDed). */
export function nodeMatchesPodPlacement(node: NodeWire, spec: PodSpecWire): boolean {
  const labels = node.metadata.labels ?? {};
  for (const [key, value] of Object.entries(spec.nodeSelector ?? {})) {
    if (labels[key] !== value) return false;
  }
  const required = spec.affinity?.nodeAffinity?.requiredDuringSchedulingIgnoredDuringExecution;
  if (required === undefined) return true;
  return required.nodeSelectorTerms.some((term) => nodeMatchesTerm(node, term));
}

/** Mirrors NodeShouldRunDaemonPod of the real DaemonSet controller; PreferNoSchedule taints are ignored. */
export function nodeShouldRunDaemonPod(node: NodeWire, template: PodSpecWire): NodeEligibility {
  return daemonEligibility(template)(node);
}

/** The check for one template, with its tolerations worked out once for all nodes. */
export function daemonEligibility(template: PodSpecWire): (node: NodeWire) => NodeEligibility {
  const tolerations = withDaemonPodTolerations(template);
  return (node) => {
    if (template.nodeName !== undefined && template.nodeName !== '' && template.nodeName !== node.metadata.name) {
      return { shouldRun: false, shouldContinueRunning: false };
    }
    if (!nodeMatchesPodPlacement(node, template)) return { shouldRun: false, shouldContinueRunning: false };
    const untolerated = (node.spec?.taints ?? []).filter(
      (taint) =>
        (taint.effect === 'NoSchedule' || taint.effect === 'NoExecute') &&
        !tolerations.some((toleration) => toleratesTaint(toleration, taint)),
    );
    if (untolerated.length === 0) return { shouldRun: true, shouldContinueRunning: true };
    return {
      shouldRun: false,
      shouldContinueRunning: !untolerated.some((taint) => taint.effect === 'NoExecute'),
    };
  };
}
