import { jest } from '@jest/globals';
import pg from 'pg';
import { createTestSchema } from './test-schema.js';

jest.setTimeout(60_000);

const url = process.env.DATABASE_URL ?? '';

async function schemaExists(schema: string): Promise<boolean> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    const found = await client.query('select 1 from information_schema.schemata where schema_name = $1', [schema]);
    return found.rowCount === 1;
  } finally {
    await client.end();
  }
}

describe('createTestSchema', () => {
  it('gives a migrated schema of its own, reached without qualifying names, and drops it', async () => {
    const first = await createTestSchema(url);
    const second = await createTestSchema(url);
    await first.pool.query(
      `insert into consumer_positions (group_id, topic, partition, next_offset) values ('g', 't', 0, 1)`,
    );

    const inFirst = await first.pool.query('select count(*)::int as n from consumer_positions');
    const inSecond = await second.pool.query('select count(*)::int as n from consumer_positions');
    const searchPath = await first.pool.query('show search_path');
    await Promise.all([first.drop(), second.drop()]);

    expect(first.schema).not.toBe(second.schema);
    expect([inFirst.rows[0].n, inSecond.rows[0].n]).toEqual([1, 0]);
    expect(searchPath.rows[0].search_path).toBe(first.schema);
    expect(await schemaExists(first.schema)).toBe(false);
  });
});
