import { jest } from '@jest/globals';
import { waitUntil } from '#rollcall/kube-sim';
import { alice, imageSpec, isReady, OrchestratorFixture } from './orchestrator.fixture.js';

jest.setTimeout(90_000);

describe('rollout orchestrator: a node vanishes mid-rollout', () => {
  let fixture: OrchestratorFixture;

  beforeAll(async () => {
    fixture = await OrchestratorFixture.create(8, 400);
    await fixture.createDaemonSet('roaming');
  });

  afterAll(async () => {
    await fixture.close();
  });

  it('reports the node Removed, not Failed, and still reaches Succeeded', async () => {
    const { orchestrator } = await fixture.start();
    const { service } = orchestrator;
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
    fixture.cluster.nodeFaults.vanish(vanished);

    const finished = await waitUntil(
      () => service.get(started.id),
      (view) => view.status === 'Succeeded',
      60_000,
    );
    const pods = await waitUntil(
      () => fixture.pods('roaming'),
      (items) => items.length === 7 && items.every(isReady),
    );

    expect(pending.length).toBeGreaterThan(0);
    expect(finished.nodes.find((node) => node.name === vanished)?.status).toBe('Removed');
    expect(finished.nodes.filter((node) => node.status === 'Failed')).toEqual([]);
    expect(finished.nodes.filter((node) => node.status === 'Updated')).toHaveLength(7);
    expect(pods.map((pod) => pod.spec?.nodeName)).not.toContain(vanished);
  });
});
