import type pg from 'pg';
import { inTransaction } from './in-transaction.js';

function recordingPool(failOn?: string): { pool: pg.Pool; statements: string[] } {
  const statements: string[] = [];
  const client = {
    query: async (text: string) => {
      statements.push(text);
      if (text === failOn) throw new Error(`${text} failed`);
      return { rows: [] };
    },
    release: () => statements.push('release'),
  };
  return { pool: { connect: async () => client } as unknown as pg.Pool, statements };
}

describe('inTransaction', () => {
  it('given work that succeeds, when run, then it commits, releases and returns the result', async () => {
    const { pool, statements } = recordingPool();
    await expect(inTransaction(pool, async (client) => (await client.query('select 1')).rows)).resolves.toEqual([]);
    expect(statements).toEqual(['BEGIN', 'select 1', 'COMMIT', 'release']);
  });

  it('given work that throws, when run, then it rolls back, releases and rethrows', async () => {
    const { pool, statements } = recordingPool('select 1');
    await expect(inTransaction(pool, (client) => client.query('select 1'))).rejects.toThrow('select 1 failed');
    expect(statements).toEqual(['BEGIN', 'select 1', 'ROLLBACK', 'release']);
  });

  it('given a rollback that fails too, when run, then the original error surfaces', async () => {
    const { pool } = recordingPool('ROLLBACK');
    await expect(
      inTransaction(pool, async () => {
        throw new Error('work failed');
      }),
    ).rejects.toThrow('work failed');
  });
});
