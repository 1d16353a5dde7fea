import { jest } from '@jest/globals';
import { REVISION_HASH_LABEL } from '#rollcall/domain';
import { waitUntil } from '#rollcall/kube-sim';
import { alice, imageSpec, isReady, NAMESPACE, OrchestratorScenario } from './testing/orchestrator.scenario.js';

jest.setTimeout(120_000);

describe('rollout orchestrator: a crash-looping canary with failure policy rollback', () => {
  let scenario: OrchestratorScenario;

  beforeAll(async () => {
    scenario = await OrchestratorScenario.create(8, 150);
    await scenario.createDaemonSet('fragile');
  });

  afterAll(async () => {
    await scenario.close();
  });

  it('rolls every node back to the previous revision, Ready, and restores the strategy', async () => {
    const { service } = await scenario.startOrchestrator();
    const before = await scenario.pods('fragile');
    const previousHash = before[0]?.metadata?.labels?.[REVISION_HASH_LABEL];

    const started = await service.start(
      imageSpec('fragile', 'busybox:crashloop', {
        stages: [
          { name: 'canary', nodes: { count: 1 } },
          { name: 'rest', nodes: { percent: 100 }, maxUnavailable: 2 },
        ],
        nodeReadyTimeoutSeconds: 10,
        failurePolicy: { maxFailedNodes: 0, action: 'rollback' },
      }),
      alice,
    );
    const finished = await waitUntil(
      () => service.get(started.id),
      (view) => view.status === 'RolledBack',
      60_000,
    );
    const pods = await waitUntil(
      () => scenario.pods('fragile'),
      (items) => items.length === 8 && items.every(isReady),
      20_000,
    );
    const strategy = await waitUntil(
      async () =>
        (await scenario.clients.apps.readNamespacedDaemonSet({ namespace: NAMESPACE, name: 'fragile' })).spec
          ?.updateStrategy?.type,
      (type) => type === 'RollingUpdate',
    );

    expect(previousHash).toBeDefined();
    expect(finished.direction).toBe('back');
    expect(pods.map((pod) => pod.metadata?.labels?.[REVISION_HASH_LABEL])).toEqual(Array(8).fill(previousHash));
    expect(pods.map((pod) => pod.spec?.containers[0]?.image)).toEqual(Array(8).fill('busybox:1.36'));
    expect(finished.nodes.filter((node) => node.stage === 'rest').map((node) => node.status)).toEqual(
      Array(7).fill('Pending'),
    );
    expect(strategy).toBe('RollingUpdate');
  });
});
