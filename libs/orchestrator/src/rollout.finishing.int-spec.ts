import { jest } from '@jest/globals';
import type { RolloutEvent } from '#rollcall/domain';
import { waitUntil } from '#rollcall/kube-sim';
import { RolloutErrorCode } from './rollout.errors.js';
import { KubeApiGate } from './testing/kube-api.gate.js';
import { alice, bob, imageSpec, NAMESPACE, OrchestratorScenario } from './testing/orchestrator.scenario.js';

jest.setTimeout(90_000);

const DAEMON_SET = 'finisher';
const patchOf = (daemonSet: string) => (method: string, path: string) =>
  method === 'PATCH' && path.startsWith(`/apis/apps/v1/namespaces/${NAMESPACE}/daemonsets/${daemonSet}`);
const isDaemonSetPatch = patchOf(DAEMON_SET);

describe('rollout orchestrator: a finished rollout restores the update strategy before it ends', () => {
  let scenario: OrchestratorScenario;
  let gate: KubeApiGate;

  beforeAll(async () => {
    scenario = await OrchestratorScenario.create(4, 100);
    await scenario.createDaemonSet(DAEMON_SET);
    await scenario.createDaemonSet('vanisher');
    gate = await KubeApiGate.start(scenario.cluster.url);
  });

  afterAll(async () => {
    await scenario.close();
    await gate.close();
  });

  it('stays Finishing and refuses a new rollout of the DaemonSet until the restore lands', async () => {
    const { service } = await scenario.startOrchestrator({}, scenario.schema.pool, gate.url);
    const readStrategy = async () =>
      (await scenario.clients.apps.readNamespacedDaemonSet({ namespace: NAMESPACE, name: DAEMON_SET })).spec
        ?.updateStrategy;
    const spec = imageSpec(DAEMON_SET, 'busybox:1.37', {
      stages: [{ name: 'all', nodes: { percent: 100 }, maxUnavailable: 2 }],
    });
    const first = await service.start(spec, alice);
    await waitUntil(
      () => service.get(first.id),
      (view) => view.status === 'Running',
      30_000,
    );
    gate.hold(isDaemonSetPatch);

    const finishing = await waitUntil(
      () => service.get(first.id),
      (view) => view.status === 'Finishing',
      30_000,
    );
    await waitUntil(
      async () => gate.heldRequests().length,
      (held) => held > 0,
    );
    await expect(service.start(spec, bob)).rejects.toMatchObject({ code: RolloutErrorCode.ActiveRolloutExists });
    expect(finishing.outcome).toBe('Succeeded');
    expect(await readStrategy()).toMatchObject({ type: 'OnDelete' });

    gate.release();
    const ended = await waitUntil(
      () => service.get(first.id),
      (view) => view.status === 'Succeeded',
      30_000,
    );
    const second = await service.start(spec, bob);
    const requested = await scenario.schema.pool.query<{ data: Extract<RolloutEvent, { type: 'RolloutRequested' }> }>(
      `SELECT data FROM rollout_events WHERE rollout_id = $1 AND type = 'RolloutRequested'`,
      [second.id],
    );
    const order = await scenario.schema.pool.query<{ type: string }>(
      `SELECT type FROM rollout_events WHERE rollout_id = $1 AND type IN ('RolloutSucceeded', 'DaemonSetStrategyRestored') ORDER BY version`,
      [first.id],
    );
    await service.command(second.id, { kind: 'abort', actor: bob, comment: 'test done' });

    expect(ended.outcome).toBe('Succeeded');
    expect(order.rows.map((row) => row.type)).toEqual(['RolloutSucceeded', 'DaemonSetStrategyRestored']);
    expect(requested.rows[0]?.data.originalUpdateStrategy).toMatchObject({ type: 'RollingUpdate' });
  });

  it('given the DaemonSet deleted while its strategy is restored, then the rollout ends instead of retrying forever', async () => {
    const { service } = await scenario.startOrchestrator({}, scenario.schema.pool, gate.url);
    const spec = imageSpec('vanisher', 'busybox:1.37', {
      stages: [{ name: 'all', nodes: { percent: 100 }, maxUnavailable: 2 }],
    });
    const rollout = await service.start(spec, alice);
    await waitUntil(
      () => service.get(rollout.id),
      (view) => view.status === 'Running',
      30_000,
    );
    gate.hold(patchOf('vanisher'));
    await waitUntil(
      () => service.get(rollout.id),
      (view) => view.status === 'Finishing',
      30_000,
    );
    await waitUntil(
      async () => gate.heldRequests().length,
      (held) => held > 0,
    );

    await scenario.clients.apps.deleteNamespacedDaemonSet({ namespace: NAMESPACE, name: 'vanisher' });
    gate.release();

    const ended = await waitUntil(
      () => service.get(rollout.id),
      (view) => view.status === 'Succeeded',
      30_000,
    );
    const last = await scenario.schema.pool.query<{ type: string }>(
      'SELECT type FROM rollout_events WHERE rollout_id = $1 ORDER BY version DESC LIMIT 1',
      [rollout.id],
    );
    expect(ended.outcome).toBe('Succeeded');
    expect(last.rows[0]?.type).toBe('DaemonSetStrategyRestoreSkipped');
  });
});
