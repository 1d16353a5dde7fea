import type { PlannedNode, RolloutPlan } from '#rollcall/domain';
import { toPlanResponse } from './rollout-plan.response.js';

function node(name: string, stageIndex: number, batchIndex: number, ready = true): PlannedNode {
  return {
    name,
    stageIndex,
    batchIndex,
    hasDaemonSetPod: true,
    podRevisionHash: 'old',
    pod: { name: `agent-${name}`, uid: `uid-${name}`, revisionHash: 'old', ready, restarts: 0, crashLooping: false },
    notes: ready ? [] : ['PodNotReady'],
  };
}

const plan: RolloutPlan = {
  desiredPods: 3,
  stages: [
    { index: 0, name: 'canary', selection: { kind: 'count', count: 1 }, batchSize: 1, batches: [['n1']] },
    { index: 1, name: 'rest', selection: { kind: 'percent', percent: 100 }, batchSize: 1, batches: [['n2'], ['n3']] },
  ],
  nodes: [node('n1', 0, 0), node('n2', 1, 0), node('n3', 1, 1, false)],
  pdbs: [
    {
      pdb: 'default/agent',
      disruptionsAllowed: 1,
      statusFresh: true,
      currentHealthy: 3,
      desiredHealthy: 2,
      expectedPods: 3,
    },
  ],
  warnings: [{ code: 'NodesNotReady', message: '1 node is not ready', nodes: ['n3'] }],
};

describe('toPlanResponse', () => {
  it('lists each stage with its batches in order and the nodes of each batch', () => {
    const response = toPlanResponse(plan);

    expect(response.stages.map((stage) => [stage.name, stage.nodeCount, stage.batchSize])).toEqual([
      ['canary', 1, 1],
      ['rest', 2, 1],
    ]);
    expect(response.stages[1].batches).toEqual([
      { batch: 0, nodes: [{ name: 'n2', pod: 'agent-n2', podRevisionHash: 'old', podReady: true, notes: [] }] },
      {
        batch: 1,
        nodes: [{ name: 'n3', pod: 'agent-n3', podRevisionHash: 'old', podReady: false, notes: ['PodNotReady'] }],
      },
    ]);
  });

  it('states the node selection as the request spelt it', () => {
    const response = toPlanResponse({
      ...plan,
      stages: [
        {
          index: 0,
          name: 'gpu',
          selection: { kind: 'selector', selector: { gpu: 'true' } },
          batchSize: 2,
          batches: [],
        },
      ],
    });

    expect(toPlanResponse(plan).stages.map((stage) => stage.selection)).toEqual([{ count: 1 }, { percent: 100 }]);
    expect(response.stages[0]).toMatchObject({ selection: { selector: { gpu: 'true' } }, nodeCount: 0, batches: [] });
  });

  it('passes on what the PDBs allow now and the warnings', () => {
    const response = toPlanResponse(plan);

    expect(response.desiredPods).toBe(3);
    expect(response.pdbs).toEqual(plan.pdbs);
    expect(response.warnings).toEqual(plan.warnings);
  });
});
