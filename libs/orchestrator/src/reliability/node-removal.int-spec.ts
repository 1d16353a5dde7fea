import { jest } from '@jest/globals';
import { waitUntil } from '#rollcall/kube-sim';
import { alice, imageSpec, isReady, OrchestratorScenario } from '../testing/orchestrator.scenario.js';

jest.setTimeout(90_000);

describe('rollout orchestrator: a node vanishes mid-rollout', () => {
  let scenario: OrchestratorScenario;

  beforeAll(async () => {
    scenario = await OrchestratorScenario.create(8, 400);
    await scenario.createDaemonSet('roaming');
  });

  afterAll(async () => {
    await scenario.close();
  });

  it('reports the node Removed, not Failed, and still reaches Succeeded', async () => {
    const { service } = await scenario.startOrchestrator();
    const started = await service.start(
      imageSpec('roaming', 'busybox:1.37', {
        stages: [{ name: 'all', nodes: { percent: 100 }, maxUnavailable: 1 }],
        nodeReadyTimeoutSeconds: 60,
        failurePolicy: { maxFailedNodes: 0, action: 'pause' },
      }),
      alice,
    );
    const running = await waitUntil(
      () => service.get(started.id),
      (view) => view.nodes.some((node) => node.status === 'Updated'),
      30_000,
    );
    const pending = running.nodes.filter((node) => node.status === 'Pending').map((node) => node.name);
    const vanished = pending[pending.length - 1];
    scenario.cluster.nodeFaults.vanish(vanished);

    const finished = await waitUntil(
      () => service.get(started.id),
      (view) => view.status === 'Succeeded',
      60_000,
    );
    const pods = await waitUntil(
      () => scenario.pods('roaming'),
      (items) => items.length === 7 && items.every(isReady),
    );

    expect(pending.length).toBeGreaterThan(0);
    expect(finished.nodes.find((node) => node.name === vanished)?.status).toBe('Removed');
    expect(finished.nodes.filter((node) => node.status === 'Failed')).toEqual([]);
    expect(finished.nodes.filter((node) => node.status === 'Updated')).toHaveLength(7);
    expect(pods.map((pod) => pod.spec?.nodeName)).not.toContain(vanished);
  });
});
