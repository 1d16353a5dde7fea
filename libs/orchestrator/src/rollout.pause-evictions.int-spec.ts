import { jest } from '@jest/globals';
import { waitUntil } from '#rollcall/kube-sim';
import { KubeApiGate } from './testing/kube-api.gate.js';
import { alice, bob, imageSpec, isReady, OrchestratorScenario } from './testing/orchestrator.scenario.js';
import { podReplacements } from './testing/pod-replacements.recorder.js';

jest.setTimeout(120_000);

const DAEMON_SET = 'pausable';
const isEviction = (method: string, path: string) => method === 'POST' && path.endsWith('/eviction');
const settle = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));
const total = (counts: Map<string, number>) => [...counts.values()].reduce((sum, n) => sum + n, 0);

describe('rollout orchestrator: a pause mid-batch', () => {
  let scenario: OrchestratorScenario;
  let gate: KubeApiGate;

  beforeAll(async () => {
    scenario = await OrchestratorScenario.create(6, 150);
    await scenario.createDaemonSet(DAEMON_SET);
    gate = await KubeApiGate.start(scenario.cluster.url);
  });

  afterAll(async () => {
    await scenario.close();
    await gate.close();
  });

  it('issues no queued eviction while paused, even after a crash, and evicts each node once after the resume', async () => {
    const first = await scenario.startOrchestrator({ effectConcurrency: 1 }, scenario.schema.pool, gate.url);
    const replacements = podReplacements(scenario.cluster.store, DAEMON_SET);
    gate.hold(isEviction);
    const started = await first.service.start(
      imageSpec(DAEMON_SET, 'busybox:1.37', { stages: [{ name: 'all', nodes: { percent: 100 }, maxUnavailable: 3 }] }),
      alice,
    );
    // One eviction reached the API server; two more of the batch wait behind it for a call slot.
    await waitUntil(
      async () => gate.heldRequests().length,
      (held) => held === 1,
      30_000,
    );
    await first.service.command(started.id, { kind: 'pause', actor: bob, comment: 'hold on' });
    gate.release();
    // The released eviction deletes its pod (after the termination delay); then a quiet period in
    // which a paused rollout must not evict more.
    await waitUntil(
      async () => total(replacements.deleted),
      (deleted) => deleted >= 1,
      30_000,
    );
    await settle(1_500);
    const evictedWhilePaused = total(replacements.deleted);

    await first.runtime.halt();
    const second = await scenario.startOrchestrator();
    await waitUntil(
      async () => second.runtime.heldRollouts(),
      (held) => held.includes(started.id),
      30_000,
    );
    await settle(1_000);
    const evictedAfterTakeover = total(replacements.deleted);
    const held = await scenario.schema.pool.query<{ n: number }>(
      `SELECT count(*)::int AS n FROM rollout_effects WHERE rollout_id = $1 AND type = 'EvictPod' AND done_at IS NULL`,
      [started.id],
    );

    await second.service.command(started.id, { kind: 'resume', actor: bob });
    const finished = await waitUntil(
      () => second.service.get(started.id),
      (view) => view.status === 'Succeeded',
      60_000,
    );
    const pods = await waitUntil(
      () => scenario.pods(DAEMON_SET),
      (items) => items.length === 6 && items.every(isReady),
    );
    replacements.stop();

    expect(evictedWhilePaused).toBe(1);
    expect(evictedAfterTakeover).toBe(1);
    expect(held.rows[0]?.n).toBe(2);
    expect(finished.nodes.map((node) => node.status)).toEqual(Array(6).fill('Updated'));
    const nodes = pods.map((pod) => pod.spec?.nodeName ?? '').sort();
    expect(nodes.map((node) => replacements.deleted.get(node))).toEqual(Array(6).fill(1));
    expect(nodes.map((node) => replacements.created.get(node))).toEqual(Array(6).fill(1));
  });
});
