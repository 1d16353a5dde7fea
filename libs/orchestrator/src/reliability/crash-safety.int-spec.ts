import { jest } from '@jest/globals';
import { REVISION_HASH_LABEL } from '#rollcall/domain';
import { budgetManifest, waitUntil } from '#rollcall/kube-sim';
import { loadKubeConfig } from '#rollcall/kube';
import { createOrchestrator } from '../orchestrator.factory.js';
import type { OrchestratorSettings } from '../orchestrator.settings.js';
import type { RolloutView } from '../service/rollout.view.js';
import { sampleAvailability } from '../testing/availability.sampler.js';
import {
  alice,
  bob,
  imageSpec,
  isReady,
  logger,
  NAMESPACE,
  OrchestratorScenario,
} from '../testing/orchestrator.scenario.js';
import { podReplacements } from '../testing/pod-replacements.recorder.js';
import { seededRandom } from '../testing/seeded-random.js';

jest.setTimeout(120_000);

const NODES = 10;
const APPS = ['crash-a', 'crash-b', 'crash-c'];
/** The PDB would allow 3 disruptions; the saga's batch of 2 must be the tighter bound. */
const MIN_AVAILABLE = 7;
const BATCH = 2;
const KILLS = 6;
const SEED = Number(process.env.CRASH_SEED ?? 20_240_611);
/** Shorter leases than the scenario's, so a takeover fits within the pauses between kills. */
const QUICK_TAKEOVER: Partial<OrchestratorSettings> = { leaseTtlMs: 1_200, superviseEveryMs: 250 };
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

describe(`rollout orchestrator: killed at random points (seed ${SEED})`, () => {
  let scenario: OrchestratorScenario;

  beforeAll(async () => {
    scenario = await OrchestratorScenario.create(NODES, 400);
    for (const app of APPS) {
      await scenario.createDaemonSet(app);
      await scenario.clients.policy.createNamespacedPodDisruptionBudget({
        namespace: NAMESPACE,
        body: budgetManifest(app, app, MIN_AVAILABLE),
      });
    }
  });

  afterAll(async () => {
    await scenario.close();
  });

  it('finishes every rollout, replaces each pod once, keeps batches, budgets and approval gates', async () => {
    const random = seededRandom(SEED);
    // The API replica: takes commands and reads views, runs no saga loops, is never killed.
    const api = createOrchestrator({
      pool: scenario.schema.pool,
      bus: scenario.bus,
      kubeConfig: loadKubeConfig({ serverUrl: scenario.cluster.url }),
      logger,
    }).service;
    const replacements = APPS.map((app) => podReplacements(scenario.cluster.store, app));
    const sampler = sampleAvailability(scenario.cluster.store, APPS, NODES);
    const originalHashes = await Promise.all(
      APPS.map(async (app) => (await scenario.pods(app))[0]?.metadata?.labels?.[REVISION_HASH_LABEL]),
    );

    let instance = await scenario.startKillable(QUICK_TAKEOVER);
    const ids: string[] = [];
    for (const app of APPS) {
      const strategy = {
        stages: [
          { name: 'canary', nodes: { count: 2 }, maxUnavailable: 1 },
          { name: 'rest', nodes: { percent: 100 }, maxUnavailable: BATCH, approvals: 1 },
        ],
      };
      ids.push((await api.start(imageSpec(app, 'busybox:1.37', strategy), alice)).id);
    }
    const approvedAt = new Map<string, number>();
    const views = () => Promise.all(ids.map((id) => api.get(id)));
    const approveWaiting = async (current: RolloutView[]) => {
      for (const view of current.filter((item) => item.status === 'AwaitingApproval' && !approvedAt.has(item.id))) {
        approvedAt.set(view.id, Date.now());
        await api.command(view.id, { kind: 'approve', actor: bob, comment: 'chaos approved' });
      }
    };

    let killsMidRollout = 0;
    for (let kill = 0; kill < KILLS; kill++) {
      await sleep(200 + Math.floor(random() * 1_200));
      const current = await views();
      await approveWaiting(current);
      if (current.some((view) => view.status !== 'Succeeded')) killsMidRollout++;
      await scenario.kill(instance);
      await sleep(Math.floor(random() * 500));
      instance = await scenario.startKillable(QUICK_TAKEOVER);
    }
    const finished = await waitUntil(
      async () => {
        const current = await views();
        await approveWaiting(current);
        return current;
      },
      (current) => current.every((view) => view.status === 'Succeeded'),
      60_000,
    );
    const pods = await Promise.all(
      APPS.map((app) =>
        waitUntil(
          () => scenario.pods(app),
          (items) => items.length === NODES && items.every(isReady),
        ),
      ),
    );
    const extremes = sampler.stop();
    for (const recorder of replacements) recorder.stop();

    const order = await scenario.schema.pool.query<{
      rollout_id: string;
      version: number;
      type: string;
      stage: number;
    }>(
      `SELECT rollout_id, version, type, (data->>'stageIndex')::int AS stage FROM rollout_events
       WHERE type IN ('StageApproved', 'StageStarted') ORDER BY rollout_id, version`,
    );
    const evictionsBeforeApproval = await scenario.schema.pool.query<{ n: number }>(
      `SELECT count(*)::int AS n FROM rollout_events evicted
       JOIN rollout_events started ON started.rollout_id = evicted.rollout_id AND started.type = 'StageStarted'
        AND (started.data->>'stageIndex')::int = 1
       JOIN rollout_events approved ON approved.rollout_id = evicted.rollout_id AND approved.type = 'StageApproved'
       WHERE evicted.type = 'NodeEvictionRequested' AND started.data->'nodes' ? (evicted.data->>'node')
        AND evicted.version < approved.version`,
    );

    expect(killsMidRollout).toBe(KILLS);
    expect(finished.map((view) => view.status)).toEqual(['Succeeded', 'Succeeded', 'Succeeded']);
    for (const [index, app] of APPS.entries()) {
      const nodes = pods[index].map((pod) => pod.spec?.nodeName ?? '').sort();
      const hashes = new Set(pods[index].map((pod) => pod.metadata?.labels?.[REVISION_HASH_LABEL]));
      expect(hashes).toEqual(new Set([finished[index].targetRevisionHash]));
      expect(hashes.has(originalHashes[index])).toBe(false);
      expect(nodes.map((node) => replacements[index].created.get(node))).toEqual(Array(NODES).fill(1));
      expect(nodes.map((node) => replacements[index].deleted.get(node))).toEqual(Array(NODES).fill(1));
      expect(extremes.get(app)).toMatchObject({ mostUnavailable: expect.any(Number) });
      expect(extremes.get(app)!.mostUnavailable).toBeLessThanOrEqual(BATCH);
      expect(extremes.get(app)!.mostUnavailable).toBeGreaterThan(0);
      expect(extremes.get(app)!.fewestReady).toBeGreaterThanOrEqual(MIN_AVAILABLE);
      expect(extremes.get(app)!.fewestDisruptionsAllowed).toBeGreaterThanOrEqual(0);
    }
    for (const id of ids) {
      const gates = order.rows.filter((row) => row.rollout_id === id).map((row) => `${row.type}:${row.stage}`);
      expect(gates).toEqual(['StageStarted:0', 'StageApproved:1', 'StageStarted:1']);
      expect(approvedAt.has(id)).toBe(true);
    }
    expect(evictionsBeforeApproval.rows[0].n).toBe(0);
  });
});
