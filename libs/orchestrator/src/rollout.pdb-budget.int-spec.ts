import { jest } from '@jest/globals';
import { budgetManifest, waitUntil } from '#rollcall/kube-sim';
import { alice, imageSpec, NAMESPACE, OrchestratorScenario } from './testing/orchestrator.scenario.js';
import { unavailableSampler } from './testing/unavailable.sampler.js';

jest.setTimeout(120_000);

describe('rollout orchestrator: a PodDisruptionBudget that allows one disruption', () => {
  let scenario: OrchestratorScenario;

  beforeAll(async () => {
    scenario = await OrchestratorScenario.create(8, 150);
    await scenario.createDaemonSet('guarded');
    await scenario.clients.policy.createNamespacedPodDisruptionBudget({
      namespace: NAMESPACE,
      body: budgetManifest('guarded', 'guarded', 7),
    });
    await waitUntil(
      async () =>
        (await scenario.clients.policy.readNamespacedPodDisruptionBudget({ namespace: NAMESPACE, name: 'guarded' }))
          .status?.disruptionsAllowed,
      (allowed) => allowed === 1,
    );
  });

  afterAll(async () => {
    await scenario.close();
  });

  it('never has more pods unavailable than the budget allows, and records the refused evictions', async () => {
    const { service } = await scenario.startOrchestrator();
    const sampler = unavailableSampler(scenario.cluster.store, 'guarded', 8);

    const started = await service.start(
      imageSpec('guarded', 'busybox:1.37', { stages: [{ name: 'all', nodes: { percent: 100 }, maxUnavailable: 2 }] }),
      alice,
    );
    const finished = await waitUntil(
      () => service.get(started.id),
      (view) => view.status === 'Succeeded',
      100_000,
    );
    const worst = sampler.stop();

    const blocked = await scenario.schema.pool.query(
      `SELECT count(*)::int AS n FROM rollout_events WHERE rollout_id = $1 AND type = 'NodeEvictionBlockedByPdb'`,
      [started.id],
    );
    expect(finished.nodes.map((node) => node.status)).toEqual(Array(8).fill('Updated'));
    expect(worst).toBe(1);
    expect(blocked.rows[0].n).toBeGreaterThan(0);
  });
});
