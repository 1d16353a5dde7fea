import { jest } from '@jest/globals';
import { waitUntil, type KubeObject } from '#rollcall/kube-sim';
import { createTestSchema, type TestSchema } from '#rollcall/testing';
import { clusterSize } from './ground-truth.js';
import { watchGaps } from './history-audit.js';
import { INITIAL_NODES, Pipeline } from './pipeline.fixture.js';

jest.setTimeout(180_000);

const brokers = process.env.KAFKA_BROKERS ?? '';
const databaseUrl = process.env.DATABASE_URL ?? '';
const onNode = (pod: KubeObject, node: string): boolean =>
  (pod.spec as { nodeName?: string } | undefined)?.nodeName === node;
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

describe('audit pipeline under watch faults and a killed projector', () => {
  let schema: TestSchema;
  let pipeline: Pipeline;

  const relistsAfterGone = async (): Promise<number> =>
    Number(
      (
        await schema.pool.query(
          `SELECT count(*) AS n FROM history WHERE type = 'ResyncStarted' AND data ->> 'reason' = 'Gone'`,
        )
      ).rows[0].n,
    );

  beforeEach(async () => {
    if (!brokers || !databaseUrl)
      throw new Error('KAFKA_BROKERS and DATABASE_URL come from the integration global setup');
    schema = await createTestSchema(databaseUrl);
    pipeline = await Pipeline.start(brokers);
  });

  afterEach(async () => {
    await pipeline?.close();
    await schema?.drop();
  });

  it('given churn, when watches drop and relists hit 410 Gone, then projections equal the cluster and the history holds each id once', async () => {
    await pipeline.startProjector(databaseUrl, schema.schema);
    await pipeline.startWatcher();
    const churn = pipeline.churn();
    churn.start();
    for (let round = 0; round < 3; round++) {
      await sleep(700);
      expect((await pipeline.simFault('drop-watches')).status).toBe(200);
      await sleep(700);
      expect((await pipeline.simFault('compact')).status).toBe(200);
      expect((await pipeline.simFault('drop-watches')).status).toBe(200);
    }
    await sleep(500);
    await churn.stop();

    const { drift, audit } = await pipeline.settle(schema.pool);

    expect(drift).toEqual([]);
    expect(audit).toMatchObject({ duplicated: [], missing: [], unexpected: [], broken: [] });
    expect(await relistsAfterGone()).toBeGreaterThanOrEqual(5);
    expect(churn.done).toMatchObject({ rollDaemonSet: expect.any(Number), deletePod: expect.any(Number) });
    expect(clusterSize(pipeline.cluster.store).daemonSetPods).toBeGreaterThan(0);
  });

  it('given churn, when the projector is killed inside a batch transaction and replaced, then nothing is lost or doubled', async () => {
    const first = await pipeline.startProjector(databaseUrl, schema.schema);
    await pipeline.startWatcher();
    const churn = pipeline.churn();
    churn.start();
    await sleep(1_500);
    const firstKilledInBatch = await first.killMidTransaction(schema.pool);
    const second = await pipeline.startProjector(databaseUrl, schema.schema);
    await sleep(3_000);
    const secondKilledInBatch = await second.killMidTransaction(schema.pool);
    await pipeline.startProjector(databaseUrl, schema.schema);
    await sleep(1_000);
    await churn.stop();

    const { drift, audit } = await pipeline.settle(schema.pool);

    expect([firstKilledInBatch, secondKilledInBatch]).toEqual([true, true]);
    expect(drift).toEqual([]);
    expect(audit).toMatchObject({ duplicated: [], missing: [], unexpected: [], broken: [] });
    expect(audit.rows).toBeGreaterThan(100);
  });

  it('given a stopped watcher, when a node vanishes and a DaemonSet is deleted unseen, then the next relist records WatchGaps', async () => {
    await pipeline.startProjector(databaseUrl, schema.schema);
    await pipeline.startWatcher();
    expect((await pipeline.settle(schema.pool)).drift).toEqual([]);
    await pipeline.stopWatcher();
    const podsNow = () => pipeline.cluster.store.list('pods').items;
    const agentPodUids = podsNow()
      .filter((pod) => pod.metadata.labels?.app === 'node-agent')
      .map((pod) => pod.metadata.uid);
    const collectorOnVanishedNode = podsNow()
      .filter((pod) => pod.metadata.labels?.app === 'log-collector' && onNode(pod, 'node-0003'))
      .map((pod) => pod.metadata.uid);

    expect((await pipeline.simFault('nodes/node-0003/vanish')).status).toBe(200);
    await pipeline.clients.apps.deleteNamespacedDaemonSet({ namespace: 'default', name: 'node-agent' });
    await waitUntil(
      async () => podsNow().filter((pod) => pod.metadata.labels?.app === 'node-agent' || onNode(pod, 'node-0003')),
      (left) => left.length === 0,
    );
    await pipeline.startWatcher();
    const { drift, audit } = await pipeline.settle(schema.pool);
    const gaps = await watchGaps(schema.pool);
    const vanished = (kind: string) => gaps.filter((gap) => gap.kind === kind).flatMap((gap) => gap.vanished);

    expect(drift).toEqual([]);
    expect(audit).toMatchObject({ duplicated: [], missing: [], unexpected: [], broken: [] });
    expect(vanished('Node').map((object) => object.key)).toEqual(['node-0003']);
    expect(vanished('DaemonSet').map((object) => object.key)).toEqual(['default/node-agent']);
    expect(
      vanished('Pod')
        .map((object) => object.uid)
        .sort(),
    ).toEqual([...agentPodUids, ...collectorOnVanishedNode].sort());
    expect(agentPodUids).toHaveLength(INITIAL_NODES);
  });
});
