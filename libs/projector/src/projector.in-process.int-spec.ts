import { jest } from '@jest/globals';
import { RelistTally, type ClusterEvent } from '#rollcall/domain';
import { InProcessEventBus } from '#rollcall/messaging';
import { createTestSchema, type TestSchema } from '#rollcall/testing';
import { Registry } from 'prom-client';
import { verifyStoredChain } from './history/history.reader.js';
import { ProjectorMetrics } from './projector.metrics.js';
import { Projector } from './projector.js';
import { rebuildProjections } from './rebuild-projections.js';
import {
  daemonSetEvent,
  nodeEvent,
  onTopic,
  podEvent,
  revisionEvent,
  waitUntil,
} from './testing/cluster-events.fixtures.js';

jest.setTimeout(60_000);

const TOPIC = 'rollcall.cluster.v1';
const quiet = { warn: () => undefined, error: () => undefined };

describe('Projector on the in-process bus', () => {
  let schema: TestSchema;
  let bus: InProcessEventBus;
  let projector: Projector;

  const count = async (sql: string): Promise<number> => Number((await schema.pool.query(sql)).rows[0].n);
  const chains = async (): Promise<string[]> =>
    (await schema.pool.query<{ chain: string }>('SELECT chain FROM history_chain_heads')).rows.map((row) => row.chain);

  beforeEach(async () => {
    schema = await createTestSchema(process.env.DATABASE_URL ?? '');
    bus = new InProcessEventBus(quiet);
    await bus.ensureTopics([{ name: TOPIC, partitions: 3 }]);
    projector = new Projector({
      pool: schema.pool,
      bus,
      metrics: new ProjectorMetrics(new Registry()),
      groupId: 'projector-test',
      topics: [TOPIC],
    });
  });

  afterEach(async () => {
    await projector.stop();
    await bus.close();
    await schema.drop();
  });

  it('converges on the newest observation when events arrive twice and out of order, and chains the history', async () => {
    const events: ClusterEvent[] = [
      nodeEvent('node-a', 10),
      nodeEvent('node-a', 12, false),
      nodeEvent('node-a', 11),
      daemonSetEvent(20, 'fluentd:def'),
      revisionEvent(21, 1, 'abc'),
      revisionEvent(22, 2, 'def'),
      podEvent('node-a', 'pod-1', 30, 'abc'),
      podEvent('node-b', 'pod-2', 31, 'def'),
    ];
    await bus.publish(onTopic(TOPIC, [...events, ...[...events].reverse()]));
    await projector.start();
    await waitUntil(async () => (await count('SELECT count(*) AS n FROM history')) === events.length);

    const node = await schema.pool.query('SELECT ready, resource_version FROM nodes WHERE name = $1', ['node-a']);
    const overview = await schema.pool.query(
      'SELECT node, revision_hash, up_to_date, current_revision_hash FROM daemonset_node_overview ORDER BY node',
    );
    const daemonSet = await schema.pool.query('SELECT current_revision_number, images FROM daemonset_overview');

    expect(node.rows).toEqual([{ ready: false, resource_version: '12' }]);
    expect(overview.rows).toEqual([
      { node: 'node-a', revision_hash: 'abc', up_to_date: false, current_revision_hash: 'def' },
      { node: 'node-b', revision_hash: 'def', up_to_date: true, current_revision_hash: 'def' },
    ]);
    expect(daemonSet.rows).toEqual([{ current_revision_number: '2', images: ['fluentd:def'] }]);
    for (const chain of await chains()) expect(await verifyStoredChain(schema.pool, chain)).toMatchObject({ ok: true });
  });

  it('keeps node and pod updates on their pages (heap-only: no new index entries, no copy left to vacuum)', async () => {
    const NODES = 200;
    // One round of updates: each fits in the room the fill factor left, so no pruning is needed and a
    // transaction held open elsewhere on the server cannot make the count vary.
    const ROUNDS = 2;
    await projector.start();
    for (let round = 1; round <= ROUNDS; round++) {
      const events = Array.from({ length: NODES }, (_, index) => [
        nodeEvent(`node-${index}`, round * 10_000 + index),
        podEvent(`node-${index}`, `pod-${index}`, round * 10_000 + 5_000 + index, `hash-${round}`),
      ]).flat();
      await bus.publish(onTopic(TOPIC, events));
      await waitUntil(async () => (await count('SELECT count(*) AS n FROM history')) === round * 2 * NODES);
    }

    const updates = async () => {
      await schema.pool.query('SELECT pg_stat_clear_snapshot()');
      const stats = await schema.pool.query<{ relname: string; updated: string; heapOnly: string }>(
        `SELECT relname, n_tup_upd AS updated, n_tup_hot_upd AS "heapOnly" FROM pg_stat_user_tables
          WHERE schemaname = current_schema() AND relname IN ('nodes', 'daemonset_node_state') ORDER BY relname`,
      );
      return stats.rows.map(({ relname, updated, heapOnly }) => ({
        relname,
        updated: Number(updated),
        heapOnly: Number(heapOnly),
      }));
    };
    // Backends report their counts within seconds of going idle.
    const expected = (ROUNDS - 1) * NODES;
    await waitUntil(async () => (await updates()).every(({ updated }) => updated >= expected));
    expect(await updates()).toEqual([
      { relname: 'daemonset_node_state', updated: expected, heapOnly: expected },
      { relname: 'nodes', updated: expected, heapOnly: expected },
    ]);
  });

  it('tombstones what a relist no longer finds and records a WatchGap', async () => {
    const tally = new RelistTally();
    const relisted = nodeEvent('node-a', 40, true, 'RELISTED');
    tally.record(relisted);
    const context = {
      kind: 'Node' as const,
      relistId: 'relist-1',
      reason: 'Gone' as const,
      observedAt: '2025-01-01T01:00:00.000Z',
      correlationId: 'r',
    };
    await bus.publish(onTopic(TOPIC, [nodeEvent('node-a', 10), nodeEvent('node-b', 11)]));
    await bus.publish(onTopic(TOPIC, [relisted, ...tally.closingMarkers(context, '41')]));
    await projector.start();
    await waitUntil(async () => (await count(`SELECT count(*) AS n FROM history WHERE type = 'WatchGap'`)) === 1);

    const nodes = await schema.pool.query('SELECT name, deleted_at IS NOT NULL AS deleted FROM nodes ORDER BY name');
    const gap = await schema.pool.query(`SELECT data FROM history WHERE type = 'WatchGap'`);
    expect(nodes.rows).toEqual([
      { name: 'node-a', deleted: false },
      { name: 'node-b', deleted: true },
    ]);
    expect(gap.rows[0].data).toMatchObject({
      kind: 'Node',
      relistId: 'relist-1',
      vanished: [{ key: 'node-b', uid: 'node-b-uid' }],
    });
  });

  it('survives a transaction that fails half-way: no loss, no double history rows', async () => {
    // A sequence is not rolled back, so this trigger fails exactly the first history insert.
    await schema.pool.query(`CREATE SEQUENCE fail_once;
      CREATE FUNCTION fail_first() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN IF nextval('fail_once') = 1 THEN RAISE EXCEPTION 'injected crash'; END IF; RETURN NULL; END $$;
      CREATE TRIGGER fail_first AFTER INSERT ON history FOR EACH STATEMENT EXECUTE FUNCTION fail_first();`);
    const events = [nodeEvent('node-a', 10), nodeEvent('node-a', 11), podEvent('node-a', 'pod-1', 12, 'abc')];
    await bus.publish(onTopic(TOPIC, events));
    await projector.start();
    await waitUntil(async () => (await count('SELECT count(*) AS n FROM history')) === events.length);
    await bus.publish(onTopic(TOPIC, [nodeEvent('node-a', 13), ...events]));
    await waitUntil(async () => (await count('SELECT count(*) AS n FROM history')) === events.length + 1);

    expect(Number((await schema.pool.query(`SELECT last_value AS n FROM fail_once`)).rows[0].n)).toBeGreaterThan(1);
    expect(await count('SELECT count(DISTINCT event_id) AS n FROM history')).toBe(events.length + 1);
    expect(await count('SELECT resource_version AS n FROM nodes')).toBe(13);
    const positions = await schema.pool.query('SELECT sum(next_offset)::int AS n FROM consumer_positions');
    expect(positions.rows[0].n).toBe(events.length * 2 + 1);
    for (const chain of await chains()) expect(await verifyStoredChain(schema.pool, chain)).toMatchObject({ ok: true });
  });

  it('rebuilds the same projections from the history', async () => {
    const tally = new RelistTally();
    const context = {
      kind: 'Node' as const,
      relistId: 'r2',
      reason: 'Start' as const,
      observedAt: '2025-01-01T01:00:00.000Z',
      correlationId: 'r',
    };
    await bus.publish(
      onTopic(TOPIC, [
        nodeEvent('node-a', 10),
        nodeEvent('node-b', 11),
        podEvent('node-a', 'pod-1', 12, 'abc'),
        ...tally.closingMarkers(context, '11'),
      ]),
    );
    await projector.start();
    await waitUntil(async () => (await count('SELECT count(*) AS n FROM nodes WHERE deleted_at IS NOT NULL')) === 2);
    const snapshot = async () =>
      (await schema.pool.query('SELECT name, resource_version, deleted_at FROM nodes ORDER BY name')).rows.concat(
        (await schema.pool.query('SELECT node, pod_uid, revision_since, deleted_at FROM daemonset_node_state')).rows,
      );
    const before = await snapshot();

    const rebuilt = await rebuildProjections(schema.pool);

    expect(rebuilt.events).toBe(4);
    expect(await snapshot()).toEqual(before);
    expect(before).toHaveLength(3);
  });
});
