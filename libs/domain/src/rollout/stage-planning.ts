import { batchSize, chunk } from './batch-size.js';
import type { ClusterSnapshot, DaemonSetPodView, NodeView } from './cluster-view.js';
import { assessPdbs } from './pdb-budget.js';
import type { NodeNote, PlannedNode, PlannedStage, PlanWarning, RolloutPlan } from './rollout-plan.js';
import type { NodeSelection, RolloutSpec } from './rollout-spec.js';

/**
 * Places every node the DaemonSet targets in exactly one stage and batch, in name order, and says
 * what stands in the way. `targetRevisionHash` marks nodes already updated, when it is known.
 */
export function planStages(spec: RolloutSpec, cluster: ClusterSnapshot, targetRevisionHash?: string): RolloutPlan {
  const warnings: PlanWarning[] = [];
  const nodes = [...cluster.nodes].sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
  const podByNode = new Map(cluster.pods.map((pod) => [pod.nodeName, pod]));
  const desiredPods = desiredPodCount(cluster, nodes.length, warnings);

  const taken = new Set<string>();
  const stages: PlannedStage[] = [];
  const planned: PlannedNode[] = [];
  spec.strategy.stages.forEach((stage, index) => {
    const selected = select(stage.nodes, nodes, taken);
    selected.forEach((node) => taken.add(node.name));
    const size = batchSize(stage.maxUnavailable, desiredPods);
    const batches = chunk(
      selected.map((node) => node.name),
      size,
    );
    stages.push({ index, name: stage.name, selection: stage.nodes, batchSize: size, batches });
    if (selected.length === 0)
      warnings.push({
        code: 'StageSelectsNoNodes',
        stage: stage.name,
        message: `Stage ${stage.name} selects no node.`,
      });
    batches.forEach((batch, batchIndex) =>
      batch.forEach((name) =>
        planned.push(
          plannedNode(
            nodes.find((n) => n.name === name)!,
            podByNode.get(name),
            index,
            batchIndex,
            targetRevisionHash,
          ),
        ),
      ),
    );
  });

  warnings.push(...nodeWarnings(planned));
  const uncovered = nodes.filter((node) => !taken.has(node.name)).map((node) => node.name);
  if (uncovered.length > 0)
    warnings.push({
      code: 'NodesNotCoveredByAnyStage',
      nodes: uncovered,
      message: `${uncovered.length} node(s) are in no stage; restoring the original update strategy at the end lets the DaemonSet controller replace them without gates.`,
    });

  const pdbAssessment = assessPdbs(cluster.pdbs, stages);
  return {
    desiredPods,
    stages,
    nodes: planned,
    pdbs: pdbAssessment.allowances,
    warnings: [...warnings, ...pdbAssessment.warnings],
  };
}

function select(selection: NodeSelection, nodes: readonly NodeView[], taken: ReadonlySet<string>): NodeView[] {
  const free = nodes.filter((node) => !taken.has(node.name));
  switch (selection.kind) {
    case 'count':
      return free.slice(0, selection.count);
    case 'percent':
      return free.slice(0, Math.ceil((nodes.length * selection.percent) / 100));
    case 'selector':
      return free.filter((node) =>
        Object.entries(selection.selector).every(([key, value]) => node.labels[key] === value),
      );
    default: {
      const unknown: never = selection;
      throw new Error(`Unknown node selection ${JSON.stringify(unknown)}`);
    }
  }
}

function desiredPodCount(cluster: ClusterSnapshot, nodeCount: number, warnings: PlanWarning[]): number {
  const { daemonSet } = cluster;
  if (daemonSet.observedGeneration >= daemonSet.generation) return daemonSet.desiredNumberScheduled;
  warnings.push({
    code: 'DaemonSetStatusStale',
    message: `DaemonSet status describes generation ${daemonSet.observedGeneration}, not ${daemonSet.generation}; percentages are taken of the ${nodeCount} targeted nodes.`,
  });
  return nodeCount;
}

function plannedNode(
  node: NodeView,
  pod: DaemonSetPodView | undefined,
  stageIndex: number,
  batchIndex: number,
  targetRevisionHash: string | undefined,
): PlannedNode {
  const notes: NodeNote[] = [];
  if (!node.ready) notes.push('NodeNotReady');
  if (!node.schedulable) notes.push('NodeCordoned');
  if (pod === undefined) notes.push('NoDaemonSetPod');
  else if (!pod.ready) notes.push('PodNotReady');
  if (pod !== undefined && pod.revisionHash === targetRevisionHash) notes.push('AlreadyOnTargetRevision');
  return {
    name: node.name,
    stageIndex,
    batchIndex,
    hasDaemonSetPod: pod !== undefined,
    podRevisionHash: pod?.revisionHash ?? null,
    pod: pod
      ? {
          name: pod.name,
          uid: pod.uid,
          revisionHash: pod.revisionHash,
          ready: pod.ready,
          restarts: pod.restarts,
          crashLooping: pod.crashLooping,
        }
      : null,
    notes,
  };
}

const NOTE_WARNINGS = [
  ['NodeNotReady', 'NodesNotReady', 'are NotReady; their new pods will likely time out and count as failed'],
  ['NodeCordoned', 'NodesCordoned', 'are cordoned; DaemonSet pods tolerate that, so they are updated like the others'],
  [
    'NoDaemonSetPod',
    'NodesWithoutDaemonSetPod',
    'have no DaemonSet pod; the rollout waits for the controller to create one',
  ],
] as const;

function nodeWarnings(planned: readonly PlannedNode[]): PlanWarning[] {
  return NOTE_WARNINGS.flatMap(([note, code, consequence]) => {
    const names = planned.filter((node) => node.notes.includes(note)).map((node) => node.name);
    return names.length === 0 ? [] : [{ code, nodes: names, message: `${names.length} node(s) ${consequence}.` }];
  });
}
