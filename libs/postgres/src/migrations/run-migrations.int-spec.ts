import { jest } from '@jest/globals';
import { randomBytes } from 'node:crypto';
import pg from 'pg';
import { pino } from 'pino';
import { readdirSync } from 'node:fs';
import { migrationsDir } from './migrations-dir.js';
import { runMigrations } from './run-migrations.js';

jest.setTimeout(60_000);

const url = process.env.DATABASE_URL ?? '';
const logger = pino({ level: 'silent' });
const schema = `test_migrations_${randomBytes(4).toString('hex')}`;
const admin = new pg.Pool({ connectionString: url, max: 1 });

afterAll(async () => {
  await admin.query(`drop schema if exists "${schema}" cascade`);
  await admin.end();
});

describe('runMigrations on a real PostgreSQL', () => {
  it('applies every migration into an empty schema, then finds nothing left to do', async () => {
    const first = await runMigrations({ url, logger, schema });
    const second = await runMigrations({ url, logger, schema });

    const files = readdirSync(migrationsDir()).filter((file) => file.endsWith('.sql'));
    expect(first).toEqual(files.sort().map((file) => file.replace(/\.sql$/, '')));
    expect(first).toContain('1763905000000_consumer-positions');
    expect(second).toEqual([]);
  });

  it('creates consumer_positions keyed by group, topic and partition', async () => {
    const insert = `insert into "${schema}".consumer_positions (group_id, topic, partition, next_offset) values ($1, $2, $3, $4)`;
    await admin.query(insert, ['projector', 'rollcall.cluster.v1', 0, 42]);

    await expect(admin.query(insert, ['projector', 'rollcall.cluster.v1', 0, 43])).rejects.toThrow(/duplicate key/);
    await expect(admin.query(insert, ['projector', 'rollcall.cluster.v1', 1, -1])).rejects.toThrow(/check constraint/);
    const rows = await admin.query(`select next_offset, updated_at from "${schema}".consumer_positions`);
    expect(rows.rows).toEqual([{ next_offset: '42', updated_at: expect.any(Date) }]);
  });
});
