import { rolloutRequestExample } from '#rollcall/testing';
import { validateRolloutSpec } from './rollout-spec.validation.js';

const exampleRequest = rolloutRequestExample();

function withStrategy(patch: Record<string, unknown>): unknown {
  return { ...exampleRequest, strategy: { ...exampleRequest.strategy, ...patch } };
}

function problemsOf(input: unknown) {
  const result = validateRolloutSpec(input);
  if (result.ok) throw new Error('expected the request to be refused');
  return result.problems;
}

describe('validateRolloutSpec', () => {
  it('accepts the documented request and types its node selections', () => {
    const result = validateRolloutSpec(exampleRequest);
    if (!result.ok) throw new Error(JSON.stringify(result.problems));
    expect(result.spec.change).toEqual({
      kind: 'containers',
      containers: [{ name: 'log-collector', image: 'busybox:1.37' }],
    });
    expect(result.spec.strategy.stages.map((s) => s.nodes)).toEqual([
      { kind: 'count', count: 1 },
      { kind: 'selector', selector: { 'topology.kubernetes.io/zone': 'a' } },
      { kind: 'percent', percent: 100 },
    ]);
    expect(result.spec.ticket).toBe('CHG-1234');
  });

  it('fills in the defaults', () => {
    const result = validateRolloutSpec({
      ...exampleRequest,
      ticket: undefined,
      strategy: { stages: [{ name: 'all', nodes: { percent: 100 } }] },
    });
    if (!result.ok) throw new Error(JSON.stringify(result.problems));
    expect(result.spec.ticket).toBeNull();
    expect(result.spec.strategy).toEqual({
      stages: [
        {
          name: 'all',
          nodes: { kind: 'percent', percent: 100 },
          maxUnavailable: 1,
          approvals: 0,
          bakeSeconds: 0,
          healthGates: { maxRestarts: 2, failOnCrashLoop: true, failOnReadinessLoss: true },
        },
      ],
      nodeReadyTimeoutSeconds: 300,
      approvalValiditySeconds: 86400,
      failurePolicy: { maxFailedNodes: 0, action: 'pause' },
    });
  });

  it('accepts a pod-template patch instead of images', () => {
    const result = validateRolloutSpec({
      ...exampleRequest,
      change: { templatePatch: { metadata: { annotations: { restartedAt: 'now' } } } },
    });
    expect(result.ok && result.spec.change.kind).toBe('templatePatch');
  });

  it.each([
    [{ stages: [{ ...exampleRequest.strategy.stages[1], maxUnavailable: 0 }] }, 'strategy.stages[0].maxUnavailable'],
    [{ stages: [{ ...exampleRequest.strategy.stages[1], maxUnavailable: '0%' }] }, 'strategy.stages[0].maxUnavailable'],
    [
      { stages: [{ ...exampleRequest.strategy.stages[1], maxUnavailable: 'ten' }] },
      'strategy.stages[0].maxUnavailable',
    ],
    [{ stages: [{ ...exampleRequest.strategy.stages[1], maxUnavailable: true }] }, 'strategy.stages[0].maxUnavailable'],
    [{ stages: [{ name: 'x', nodes: { count: 1, percent: 5 } }] }, 'strategy.stages[0].nodes'],
    [{ stages: [{ name: 'x', nodes: {} }] }, 'strategy.stages[0].nodes'],
    [{ stages: [{ name: 'x', nodes: { percent: 150 } }] }, 'strategy.stages[0].nodes.percent'],
    [{ stages: [{ name: 'x', nodes: { count: 1.5 } }] }, 'strategy.stages[0].nodes.count'],
    [
      { stages: [{ name: 'x', nodes: { selector: { 'bad key!': 'a' } } }] },
      'strategy.stages[0].nodes.selector.bad key!',
    ],
    [{ stages: [{ name: 'Canary', nodes: { count: 1 } }] }, 'strategy.stages[0].name'],
    [{ stages: [] }, 'strategy.stages'],
    [{ failurePolicy: { action: 'explode' } }, 'strategy.failurePolicy.action'],
    [{ nodeReadyTimeoutSeconds: 1 }, 'strategy.nodeReadyTimeoutSeconds'],
  ])('refuses a bad strategy %j at %s', (strategyPatch, field) => {
    expect(problemsOf(withStrategy(strategyPatch)).map((p) => p.field)).toContain(field);
  });

  it('names the second of two stages with the same name', () => {
    const stages = [exampleRequest.strategy.stages[0], exampleRequest.strategy.stages[0]];
    expect(problemsOf(withStrategy({ stages }))).toEqual([
      { field: 'strategy.stages[1].name', reason: 'stage names must be unique' },
    ]);
  });

  it('refuses unknown fields instead of silently defaulting a misspelt one', () => {
    const stages = [{ name: 'canary', nodes: { count: 1 }, maxUnavaliable: 3 }];
    expect(problemsOf(withStrategy({ stages }))).toEqual([
      { field: 'strategy.stages[0].maxUnavaliable', reason: 'is not a known field' },
    ]);
  });

  it('says which required fields are missing', () => {
    const problems = problemsOf({ daemonSet: { namespace: 'default' }, change: { containers: [] } });
    expect(problems).toEqual(
      expect.arrayContaining([
        { field: 'daemonSet.name', reason: 'is required' },
        { field: 'change.containers', reason: 'must name at least one container' },
        { field: 'strategy', reason: 'is required' },
        { field: 'reason', reason: 'is required' },
      ]),
    );
  });

  it('refuses a change with both images and a patch, and a container named twice', () => {
    const twice = [
      { name: 'a', image: 'x:1' },
      { name: 'a', image: 'x:2' },
    ];
    expect(problemsOf({ ...exampleRequest, change: { containers: twice } })).toEqual([
      { field: 'change.containers[1].name', reason: 'appears twice' },
    ]);
    expect(problemsOf({ ...exampleRequest, change: { containers: twice.slice(1), templatePatch: {} } })).toEqual([
      { field: 'change', reason: 'must give exactly one of containers or templatePatch' },
    ]);
  });

  it('refuses something that is not an object at all', () => {
    expect(problemsOf('rollout please')).toEqual([{ field: '', reason: expect.any(String) }]);
  });
});
