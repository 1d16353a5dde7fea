import { batchSize } from './batch-size.js';
import { planStages } from './stage-planning.js';
import { cluster, node, pod, spec } from './testing/rollout.fixtures.js';

const zones = ['a', 'b', 'c'];
/** Ten nodes named out of order, spread over three zones. */
const tenNodes = cluster({
  nodes: [7, 2, 9, 0, 4, 1, 8, 3, 6, 5].map((i) => node(`node-${i}`, { zone: zones[i % 3] })),
  pods: [7, 2, 9, 0, 4, 1, 8, 3, 6, 5].map((i) => pod(`node-${i}`)),
});
const tenDesired = { ...tenNodes, daemonSet: { ...tenNodes.daemonSet, desiredNumberScheduled: 10 } };

describe('batchSize', () => {
  it('takes a number as is, and a percentage of the desired pods rounded down but at least 1', () => {
    expect(batchSize(3, 100)).toBe(3);
    expect(batchSize('10%', 25)).toBe(2);
    expect(batchSize('10%', 5)).toBe(1);
    expect(batchSize('100%', 7)).toBe(7);
  });
});

describe('planStages', () => {
  it('places every node in exactly one stage, in name order: count, selector, then percent of all', () => {
    const plan = planStages(
      spec({
        stages: [
          { name: 'canary', nodes: { count: 1 } },
          { name: 'zone-a', nodes: { selector: { zone: 'a' } }, maxUnavailable: 2 },
          { name: 'half', nodes: { percent: 50 }, maxUnavailable: '20%' },
          { name: 'rest', nodes: { percent: 100 }, maxUnavailable: 3 },
        ],
      }),
      tenDesired,
    );
    expect(plan.stages.map((s) => [s.name, s.batchSize, s.batches])).toEqual([
      ['canary', 1, [['node-0']]],
      ['zone-a', 2, [['node-3', 'node-6'], ['node-9']]],
      ['half', 2, [['node-1', 'node-2'], ['node-4', 'node-5'], ['node-7']]],
      ['rest', 3, [['node-8']]],
    ]);
    expect(new Set(plan.nodes.map((n) => n.name)).size).toBe(10);
    expect(plan.warnings).toEqual([]);
  });

  it('takes percent of all eligible nodes rounding up, from those not yet taken', () => {
    const plan = planStages(
      spec({
        stages: [
          { name: 'first', nodes: { percent: 25 } },
          { name: 'second', nodes: { percent: 25 } },
        ],
      }),
      tenDesired,
    );
    expect(plan.stages.map((s) => s.batches.flat())).toEqual([
      ['node-0', 'node-1', 'node-2'],
      ['node-3', 'node-4', 'node-5'],
    ]);
    expect(plan.warnings).toEqual([
      expect.objectContaining({ code: 'NodesNotCoveredByAnyStage', nodes: ['node-6', 'node-7', 'node-8', 'node-9'] }),
    ]);
  });

  it('warns about a stage that selects nothing', () => {
    const plan = planStages(
      spec({
        stages: [
          { name: 'zone-x', nodes: { selector: { zone: 'x' } } },
          { name: 'all', nodes: { percent: 100 } },
        ],
      }),
      cluster(),
    );
    expect(plan.warnings).toEqual([expect.objectContaining({ code: 'StageSelectsNoNodes', stage: 'zone-x' })]);
  });

  it('reports NotReady, cordoned and pod-less nodes instead of skipping them', () => {
    const base = cluster();
    const plan = planStages(spec({ stages: [{ name: 'all', nodes: { percent: 100 } }] }), {
      ...base,
      nodes: [
        node('node-a1', {}, { ready: false }),
        node('node-a2', {}, { schedulable: false }),
        node('node-b1'),
        node('node-b2'),
      ],
      pods: base.pods.filter((p) => p.nodeName !== 'node-b1'),
    });
    expect(plan.nodes.map((n) => [n.name, n.notes, n.hasDaemonSetPod])).toEqual([
      ['node-a1', ['NodeNotReady'], true],
      ['node-a2', ['NodeCordoned'], true],
      ['node-b1', ['NoDaemonSetPod'], false],
      ['node-b2', [], true],
    ]);
    expect(plan.warnings.map((w) => [w.code, w.nodes])).toEqual([
      ['NodesNotReady', ['node-a1']],
      ['NodesCordoned', ['node-a2']],
      ['NodesWithoutDaemonSetPod', ['node-b1']],
    ]);
  });

  it('marks nodes already on the target revision', () => {
    const base = cluster();
    const plan = planStages(
      spec({ stages: [{ name: 'all', nodes: { percent: 100 } }] }),
      { ...base, pods: base.pods.map((p) => (p.nodeName === 'node-b2' ? pod('node-b2', 'rev-new') : p)) },
      'rev-new',
    );
    expect(plan.nodes.find((n) => n.name === 'node-b2')).toMatchObject({
      notes: ['AlreadyOnTargetRevision'],
      podRevisionHash: 'rev-new',
    });
    expect(plan.nodes.filter((n) => n.notes.includes('AlreadyOnTargetRevision'))).toHaveLength(1);
  });

  it('takes percentages of the targeted nodes when the DaemonSet status is stale, and says so', () => {
    const base = cluster();
    const plan = planStages(spec({ stages: [{ name: 'all', nodes: { percent: 100 }, maxUnavailable: '50%' }] }), {
      ...base,
      daemonSet: { ...base.daemonSet, generation: 4, observedGeneration: 3, desiredNumberScheduled: 40 },
    });
    expect(plan.desiredPods).toBe(4);
    expect(plan.stages[0].batchSize).toBe(2);
    expect(plan.warnings.map((w) => w.code)).toEqual(['DaemonSetStatusStale']);
  });
});
