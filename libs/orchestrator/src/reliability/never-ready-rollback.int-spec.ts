import { jest } from '@jest/globals';
import { REVISION_HASH_LABEL } from '#rollcall/domain';
import { waitUntil } from '#rollcall/kube-sim';
import { alice, imageSpec, isReady, OrchestratorScenario } from '../testing/orchestrator.scenario.js';

jest.setTimeout(90_000);

describe('rollout orchestrator: a canary whose image never becomes Ready, failure policy rollback', () => {
  let scenario: OrchestratorScenario;

  beforeAll(async () => {
    scenario = await OrchestratorScenario.create(6, 150);
    await scenario.createDaemonSet('stalled');
  });

  afterAll(async () => {
    await scenario.close();
  });

  it('rolls back: every node ends on the previous revision, Ready', async () => {
    const orchestrator = await scenario.startOrchestrator();
    const previous = (await scenario.pods('stalled')).map((pod) => pod.metadata?.labels?.[REVISION_HASH_LABEL]);
    const started = await orchestrator.service.start(
      imageSpec('stalled', 'busybox:never-ready', {
        stages: [
          { name: 'canary', nodes: { count: 2 }, maxUnavailable: 2 },
          { name: 'rest', nodes: { percent: 100 }, maxUnavailable: 2 },
        ],
        nodeReadyTimeoutSeconds: 10,
        failurePolicy: { maxFailedNodes: 0, action: 'rollback' },
      }),
      alice,
    );
    const finished = await waitUntil(
      () => orchestrator.service.get(started.id),
      (view) => ['RolledBack', 'Failed', 'Succeeded', 'Paused'].includes(view.status),
      60_000,
    );
    const pods = await waitUntil(
      () => scenario.pods('stalled'),
      (items) => items.length === 6 && items.every(isReady),
      20_000,
    );

    expect(new Set(previous).size).toBe(1);
    expect(finished.status).toBe('RolledBack');
    expect(pods.map((pod) => pod.metadata?.labels?.[REVISION_HASH_LABEL])).toEqual(Array(6).fill(previous[0]));
    expect(pods.map((pod) => pod.spec?.containers[0]?.image)).toEqual(Array(6).fill('busybox:1.36'));
    expect(finished.nodes.filter((node) => node.stage === 'rest').map((node) => node.status)).toEqual(
      Array(4).fill('Pending'),
    );
  });
});
