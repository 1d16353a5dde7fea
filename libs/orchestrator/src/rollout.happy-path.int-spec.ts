import { jest } from '@jest/globals';
import { REVISION_HASH_LABEL, type Envelope } from '#rollcall/domain';
import { waitUntil } from '#rollcall/kube-sim';
import { ROLLOUT_TOPIC } from './store/rollout-topics.js';
import { alice, bob, imageSpec, isReady, NAMESPACE, OrchestratorScenario } from './testing/orchestrator.scenario.js';

jest.setTimeout(90_000);

describe('rollout orchestrator: a two-stage rollout with an approval gate', () => {
  let scenario: OrchestratorScenario;

  beforeAll(async () => {
    scenario = await OrchestratorScenario.create(10, 150);
    await scenario.createDaemonSet('agent');
  });

  afterAll(async () => {
    await scenario.close();
  });

  it('runs to Succeeded, leaves every node on the new revision and restores the original strategy', async () => {
    const published: Envelope[] = [];
    await scenario.bus.ensureTopics([{ name: ROLLOUT_TOPIC, partitions: 6 }]);
    const subscription = await scenario.bus.subscribe({
      groupId: 'happy-path-test',
      topics: [ROLLOUT_TOPIC],
      onBatch: async (batch) => void published.push(...batch.messages.map((message) => message.envelope)),
    });
    const { service } = await scenario.startOrchestrator();
    const before = await scenario.pods('agent');
    const readStrategy = async () =>
      (await scenario.clients.apps.readNamespacedDaemonSet({ namespace: NAMESPACE, name: 'agent' })).spec
        ?.updateStrategy;
    const originalStrategy = await readStrategy();

    const started = await service.start(
      imageSpec('agent', 'busybox:1.37', {
        stages: [
          { name: 'canary', nodes: { count: 2 }, maxUnavailable: 1 },
          { name: 'rest', nodes: { percent: 100 }, maxUnavailable: 3, approvals: 1 },
        ],
      }),
      alice,
      'change-1',
    );
    const again = await service.start(
      imageSpec('agent', 'busybox:1.37', { stages: [{ name: 'x', nodes: { count: 1 } }] }),
      alice,
      'change-1',
    );
    expect(again.id).toBe(started.id);

    const awaiting = await waitUntil(
      () => service.get(started.id),
      (view) => view.status === 'AwaitingApproval',
      30_000,
    );
    expect(awaiting.currentStage).toBe('rest');
    expect(awaiting.nodes.filter((node) => node.status === 'Updated')).toHaveLength(2);
    await expect(service.command(started.id, { kind: 'approve', actor: alice })).rejects.toMatchObject({
      reason: 'RequesterCannotApprove',
    });
    await service.command(started.id, { kind: 'approve', actor: bob, comment: 'looks good' });

    const finished = await waitUntil(
      () => service.get(started.id),
      (view) => view.status === 'Succeeded',
      60_000,
    );
    const strategy = await waitUntil(readStrategy, (current) => current?.type === 'RollingUpdate');
    const after = await waitUntil(
      () => scenario.pods('agent'),
      (pods) => pods.length === 10 && pods.every(isReady),
    );
    await waitUntil(
      async () => published.length,
      (count) => count >= finished.version,
    );
    await subscription.stop();

    expect(finished.nodes.map((node) => node.status)).toEqual(Array(10).fill('Updated'));
    expect(new Set(after.map((pod) => pod.metadata?.labels?.[REVISION_HASH_LABEL]))).toEqual(
      new Set([finished.targetRevisionHash]),
    );
    expect(finished.targetRevisionHash).not.toBe(finished.originalRevisionHash);
    expect(after.map((pod) => pod.spec?.containers[0]?.image)).toEqual(Array(10).fill('busybox:1.37'));
    expect(originalStrategy).toMatchObject({ type: 'RollingUpdate', rollingUpdate: { maxUnavailable: 1 } });
    expect(strategy).toEqual(originalStrategy);
    const replacedUids = after.map((pod) => pod.metadata?.uid);
    expect(replacedUids.some((uid) => before.some((pod) => pod.metadata?.uid === uid))).toBe(false);
    const ids = published.filter((envelope) => envelope.correlationId === started.id).map((envelope) => envelope.id);
    expect(ids.slice(0, 3)).toEqual([`${started.id}/1`, `${started.id}/2`, `${started.id}/3`]);
    expect(new Set(ids).size).toBeGreaterThanOrEqual(finished.version);
    expect((await service.list({ daemonSet: 'agent' })).items.map((item) => item.id)).toEqual([started.id]);
  });
});
