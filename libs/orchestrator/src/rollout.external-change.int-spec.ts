import { jest } from '@jest/globals';
import { PatchStrategy, setHeaderOptions } from '@kubernetes/client-node';
import { waitUntil } from '#rollcall/kube-sim';
import { alice, bob, imageSpec, NAMESPACE, OrchestratorScenario } from './testing/orchestrator.scenario.js';

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

  /** A canary-then-rest rollout of `daemonSet`, past its canary and waiting for the approval of `rest`. */
  async function rolloutAwaitingApproval(daemonSet: string) {
    const { service } = await scenario.startOrchestrator();
    const started = await service.start(
      imageSpec(daemonSet, 'busybox:1.37', {
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
    return { service, started };
  }

  it('pauses the rollout and names the changed field', async () => {
    const { service, started } = await rolloutAwaitingApproval('contested');

    await editImage('contested', 'busybox:9.9');
    const paused = await waitUntil(
      () => service.get(started.id),
      (view) => view.status === 'Paused',
    );

    expect(paused.pausedReason).toBe('DaemonSetChangedExternally');
    const detected = await scenario.schema.pool.query(
      `SELECT data -> 'changedFields' AS fields FROM rollout_events WHERE rollout_id = $1 AND type = 'DaemonSetExternalChangeDetected'`,
      [started.id],
    );
    expect(detected.rows).toEqual([{ fields: ['spec.template.spec.containers[main].image'] }]);
  });

  it('records an edit made while the operator paused the rollout, once, and puts the change back after the resume', async () => {
    await scenario.createDaemonSet('contested-paused');
    const { service, started } = await rolloutAwaitingApproval('contested-paused');
    await service.command(started.id, { kind: 'pause', actor: alice, comment: 'maintenance window' });

    await editImage('contested-paused', 'busybox:9.9');
    const detected = await waitUntil(
      async () =>
        (
          await scenario.schema.pool.query<{ fields: string[] }>(
            `SELECT data -> 'changedFields' AS fields FROM rollout_events WHERE rollout_id = $1 AND type = 'DaemonSetExternalChangeDetected'`,
            [started.id],
          )
        ).rows,
      (rows) => rows.length > 0,
      15_000,
    );
    const paused = await service.get(started.id);
    await service.command(started.id, { kind: 'resume', actor: alice });
    await service.command(started.id, { kind: 'approve', actor: bob });
    const finished = await waitUntil(
      () => service.get(started.id),
      (view) => view.status === 'Succeeded',
      60_000,
    );
    const records = await scenario.schema.pool.query(
      `SELECT 1 FROM rollout_events WHERE rollout_id = $1 AND type = 'DaemonSetExternalChangeDetected'`,
      [started.id],
    );
    const ds = await scenario.clients.apps.readNamespacedDaemonSet({ namespace: NAMESPACE, name: 'contested-paused' });

    expect(detected).toEqual([{ fields: ['spec.template.spec.containers[main].image'] }]);
    expect(records.rows).toHaveLength(1);
    expect(paused).toMatchObject({ status: 'Paused', pausedReason: 'RequestedByOperator' });
    expect(finished.nodes.map((node) => node.status)).toEqual(Array(8).fill('Updated'));
    expect(ds.spec?.template.spec?.containers[0]?.image).toBe('busybox:1.37');
  });

  async function editImage(name: string, image: string): Promise<void> {
    await scenario.clients.apps.patchNamespacedDaemonSet(
      { namespace: NAMESPACE, name, body: { spec: { template: { spec: { containers: [{ name: 'main', image }] } } } } },
      setHeaderOptions('Content-Type', PatchStrategy.StrategicMergePatch),
    );
  }
});
