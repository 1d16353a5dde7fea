import type pg from 'pg';

/**
 * Runs SQL with triggers off (session_replication_role = replica), as a superuser could, so a test can
 * show that the hash chain, not the append-only trigger, catches the change.
 */
export async function tamperBehindTriggers(pool: pg.Pool, sql: string): Promise<void> {
  const client = await pool.connect();
  try {
    await client.query('SET session_replication_role = replica');
    await client.query(sql);
  } finally {
    await client.query('RESET session_replication_role');
    client.release();
  }
}
