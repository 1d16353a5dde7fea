import { jest } from '@jest/globals';
import { createTestSchema, type TestSchema } from '#rollcall/testing';

jest.setTimeout(60_000);

const COLUMNS =
  'chain, seq, event_id, type, schema_version, occurred_at, observed_at, recorded_at, correlation_id, data, ' +
  'prev_hash, hash';

describe('history partitions', () => {
  let schema: TestSchema;

  beforeAll(async () => {
    schema = await createTestSchema(process.env.DATABASE_URL ?? '');
  });

  afterAll(async () => {
    await schema.drop();
  });

  const recordAt = (seq: number, recordedAt: string) =>
    schema.pool.query(
      `insert into history (${COLUMNS}) values ('guard/0', $1, $2, 'NodeObserved', 1, $3, $3, $3, 'c', '{}', 'p', 'h')`,
      [seq, `e${seq}`, recordedAt],
    );

  const rowsIn = async (partition: string): Promise<number> =>
    (await schema.pool.query<{ n: number }>(`select count(*)::int as n from ${partition}`)).rows[0].n;

  it.each([
    ['created with the schema', 'history_default', '1999-06-01T00:00:00Z', false],
    ['created later by ensure_history_partitions', 'history_2031_03', '2031-03-15T00:00:00Z', true],
  ])('refuses TRUNCATE of a partition %s and keeps its rows', async (_, partition, recordedAt, createFirst) => {
    if (createFirst) await schema.pool.query('select ensure_history_partitions($1, 1)', [recordedAt]);
    await recordAt((await rowsIn('history')) + 1, recordedAt);

    await expect(schema.pool.query(`truncate ${partition}`)).rejects.toThrow(
      `history is append-only: TRUNCATE on ${partition} refused`,
    );
    expect(await rowsIn(partition)).toBe(1);
  });

  it('guards every partition the migrations and the projector created', async () => {
    const unguarded = await schema.pool.query<{ partition: string }>(
      `select relid::regclass::text as partition from pg_partition_tree('history') tree
       where relid <> 'history'::regclass and not exists (
         select 1 from pg_trigger where tgrelid = tree.relid and tgname = 'history_partition_no_truncate')`,
    );
    const partitions = await schema.pool.query(`select 1 from pg_partition_tree('history')`);

    expect(partitions.rowCount).toBeGreaterThan(3);
    expect(unguarded.rows).toEqual([]);
  });
});
