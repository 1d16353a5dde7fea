import { nodeEvent, podEvent } from '../testing/cluster-events.fixtures.js';
import { nodesTable, projectNode } from './node.projection.js';
import { projectPod } from './pod.projection.js';
import { upsertSql } from './upsert-statement.js';
import { upsertWaves, type ProjectedRow } from './upsert-waves.js';

const row = (key: string, identity: string, version: number, deleted = false): ProjectedRow => ({
  key,
  partitionKey: key,
  identity,
  resourceVersion: BigInt(version),
  deleted,
  row: { key, identity, version },
});

describe('projection mapping', () => {
  it('maps a node observation to its row, schedulable being the opposite of unschedulable', () => {
    const projected = projectNode(nodeEvent('node-a', 12, false) as Parameters<typeof projectNode>[0]);
    expect(projected).toMatchObject({ key: 'node-a', resourceVersion: 12n, deleted: false });
    expect(projected?.row).toMatchObject({
      name: 'node-a',
      ready: false,
      schedulable: true,
      resource_version: '12',
      deleted_at: null,
    });
  });

  it('tombstones a deleted pod in its DaemonSet and node row', () => {
    const projected = projectPod(podEvent('node-a', 'pod-1', 30, 'abc', 'DELETED') as Parameters<typeof projectPod>[0]);
    expect(projected).toMatchObject({ key: 'ops/log-collector/node-a', partitionKey: 'node-a', deleted: true });
    expect(projected?.row).toMatchObject({ pod_uid: 'pod-1', revision_hash: 'abc', images: ['fluentd:abc'] });
    expect(projected?.row.deleted_at).not.toBeNull();
  });

  it('leaves out observations whose resourceVersion is not a number', () => {
    const event = nodeEvent('node-a', 1);
    expect(
      projectNode({ ...event, data: { ...event.data, resourceVersion: 'abc' } } as Parameters<typeof projectNode>[0]),
    ).toBeNull();
  });
});

describe('upsertWaves', () => {
  it('keeps the newest version of each object, a deletion winning a tie', () => {
    const waves = upsertWaves([
      row('a', 'u', 2),
      row('a', 'u', 3),
      row('a', 'u', 1),
      row('b', 'v', 5),
      row('b', 'v', 5, true),
    ]);
    expect(waves).toEqual([
      [
        { key: 'a', identity: 'u', version: 3 },
        { key: 'b', identity: 'v', version: 5 },
      ],
    ]);
  });

  it('puts two objects under one key in successive waves, older first', () => {
    const waves = upsertWaves([row('n', 'new-pod', 9), row('n', 'old-pod', 7, true)]);
    expect(waves).toEqual([
      [{ key: 'n', identity: 'old-pod', version: 7 }],
      [{ key: 'n', identity: 'new-pod', version: 9 }],
    ]);
  });
});

describe('upsertSql', () => {
  it('reads all rows from one jsonb parameter and guards the update', () => {
    const sql = upsertSql(nodesTable);
    expect(sql).toContain('FROM jsonb_to_recordset($1::jsonb) AS r(name text, uid text');
    expect(sql).toContain('ON CONFLICT (name) DO UPDATE SET uid = excluded.uid');
    expect(sql).toMatch(/WHERE excluded\.resource_version > t\.resource_version/);
  });
});
