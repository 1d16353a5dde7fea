import { jest } from '@jest/globals';
import { PatchStrategy, setHeaderOptions } from '@kubernetes/client-node';
import { waitUntil } from '#rollcall/kube-sim';
import { alice, imageSpec, NAMESPACE, OrchestratorScenario } from './testing/orchestrator.scenario.js';

jest.setTimeout(60_000);

describe('rollout orchestrator: someone else edits the DaemonSet mid-rollout', () => {
  let scenario: OrchestratorScenario;

  beforeAll(async () => {
    scenario = await OrchestratorScenario.create(8, 150);
    await scenario.createDaemonSet('contested');
  });

  afterAll(async () => {
    await scenario.close();
  });

  it('pauses the rollout and names the changed field', async () => {
    const { service } = await scenario.startOrchestrator();
    const started = await service.start(
      imageSpec('contested', 'busybox:1.37', {
        stages: [
          { name: 'canary', nodes: { count: 1 } },
          { name: 'rest', nodes: { percent: 100 }, approvals: 1 },
        ],
      }),
      alice,
    );
    await waitUntil(
      () => service.get(started.id),
      (view) => view.status === 'AwaitingApproval',
      30_000,
    );

    await scenario.clients.apps.patchNamespacedDaemonSet(
      {
        namespace: NAMESPACE,
        name: 'contested',
        body: { spec: { template: { spec: { containers: [{ name: 'main', image: 'busybox:9.9' }] } } } },
      },
      setHeaderOptions('Content-Type', PatchStrategy.StrategicMergePatch),
    );
    const paused = await waitUntil(
      () => service.get(started.id),
      (view) => view.status === 'Paused',
    );

    expect(paused.pausedReason).toBe('DaemonSetChangedExternally');
    const detected = await scenario.schema.pool.query(
      `SELECT data -> 'changedFields' AS fields FROM rollout_events WHERE rollout_id = $1 AND type = 'DaemonSetExternalChangeDetected'`,
      [started.id],
    );
    // Two DaemonSet updates racing the pause may each record the edit; every record names the field.
    expect(detected.rows.length).toBeGreaterThanOrEqual(1);
    expect(new Set(detected.rows.map((row) => JSON.stringify(row.fields)))).toEqual(
      new Set([JSON.stringify(['spec.template.spec.containers[main].image'])]),
    );
  });
});
