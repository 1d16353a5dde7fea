import { jest } from '@jest/globals';
import { waitUntil } from '#rollcall/kube-sim';
import { alice, imageSpec, isReady, OrchestratorScenario } from './testing/orchestrator.scenario.js';
import { podReplacements } from './testing/pod-replacements.recorder.js';

jest.setTimeout(120_000);

describe('rollout orchestrator: a killed orchestrator', () => {
  let scenario: OrchestratorScenario;

  beforeAll(async () => {
    scenario = await OrchestratorScenario.create(10, 250);
    await scenario.createDaemonSet('resumable');
  });

  afterAll(async () => {
    await scenario.close();
  });

  it('is replaced by a new instance that finishes the rollout without evicting any pod twice', async () => {
    const killable = await scenario.startKillable();
    const first = killable.orchestrator;
    const replacements = podReplacements(scenario.cluster.store, 'resumable');
    const started = await first.service.start(
      imageSpec('resumable', 'busybox:1.37', { stages: [{ name: 'all', nodes: { percent: 100 }, maxUnavailable: 2 }] }),
      alice,
    );

    await waitUntil(
      () => first.service.get(started.id),
      (view) => view.nodes.filter((node) => node.status === 'Updated').length >= 3,
      30_000,
    );
    await scenario.kill(killable);
    const atKill = await scenario.schema.pool.query<{ n: number }>(
      `SELECT count(*)::int AS n FROM rollout_events WHERE rollout_id = $1 AND type = 'NodeUpdated'`,
      [started.id],
    );

    const second = await scenario.startOrchestrator();
    const finished = await waitUntil(
      () => second.service.get(started.id),
      (view) => view.status === 'Succeeded',
      60_000,
    );
    const pods = await waitUntil(
      () => scenario.pods('resumable'),
      (items) => items.length === 10 && items.every(isReady),
    );
    replacements.stop();
    const released = await waitUntil(
      async () => second.runtime.heldRollouts(),
      (held) => held.length === 0,
    );

    expect(atKill.rows[0]?.n).toBeLessThan(10);
    expect(finished.nodes.map((node) => node.status)).toEqual(Array(10).fill('Updated'));
    const nodes = pods.map((pod) => pod.spec?.nodeName ?? '').sort();
    expect(nodes.map((node) => replacements.created.get(node))).toEqual(Array(10).fill(1));
    expect(nodes.map((node) => replacements.deleted.get(node))).toEqual(Array(10).fill(1));
    expect(released).toEqual([]);
  });
});
