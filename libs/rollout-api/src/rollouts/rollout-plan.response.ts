import type { NodeNote, NodeSelection, PdbAllowance, PlannedNode, PlanWarning, RolloutPlan } from '#rollcall/domain';

export interface PlannedNodeResponse {
  readonly name: string;
  readonly pod: string | null;
  readonly podRevisionHash: string | null;
  readonly podReady: boolean;
  readonly notes: readonly NodeNote[];
}

export interface PlannedStageResponse {
  readonly name: string;
  readonly selection: Readonly<Record<string, unknown>>;
  readonly batchSize: number;
  readonly nodeCount: number;
  readonly batches: readonly { readonly batch: number; readonly nodes: readonly PlannedNodeResponse[] }[];
}

/** The dry run as the API shows it: each stage with its batches in replacement order, the PDBs now, warnings. */
export interface RolloutPlanResponse {
  readonly desiredPods: number;
  readonly stages: readonly PlannedStageResponse[];
  readonly pdbs: readonly PdbAllowance[];
  readonly warnings: readonly PlanWarning[];
}

export function toPlanResponse(plan: RolloutPlan): RolloutPlanResponse {
  const byName = new Map(plan.nodes.map((node) => [node.name, node]));
  return {
    desiredPods: plan.desiredPods,
    stages: plan.stages.map((stage) => ({
      name: stage.name,
      selection: selectionAsRequested(stage.selection),
      batchSize: stage.batchSize,
      nodeCount: stage.batches.reduce((count, batch) => count + batch.length, 0),
      batches: stage.batches.map((names, batch) => ({
        batch,
        nodes: names.map((name) => plannedNode(name, byName.get(name))),
      })),
    })),
    pdbs: plan.pdbs,
    warnings: plan.warnings,
  };
}

/** The selection in the request's own words (`{ "count": 1 }`), not the domain's tagged union. */
function selectionAsRequested(selection: NodeSelection): Readonly<Record<string, unknown>> {
  switch (selection.kind) {
    case 'count':
      return { count: selection.count };
    case 'percent':
      return { percent: selection.percent };
    case 'selector':
      return { selector: selection.selector };
    default: {
      const unknown: never = selection;
      return unknown;
    }
  }
}

function plannedNode(name: string, node: PlannedNode | undefined): PlannedNodeResponse {
  return {
    name,
    pod: node?.pod?.name ?? null,
    podRevisionHash: node?.podRevisionHash ?? null,
    podReady: node?.pod?.ready ?? false,
    notes: node?.notes ?? [],
  };
}
