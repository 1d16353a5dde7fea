import { existsSync, mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { migrationsDir } from './migrations-dir.js';

describe('migrationsDir', () => {
  it('finds the repository migrations from this library', () => {
    const dir = migrationsDir();

    expect(existsSync(join(dir, '..', 'package.json'))).toBe(true);
    expect(readdirSync(dir)).toContain('1763905000000_consumer-positions.sql');
  });

  it('says where it looked when there is none', () => {
    const nowhere = mkdtempSync(join(tmpdir(), 'rollcall-no-migrations-'));

    try {
      expect(() => migrationsDir(nowhere)).toThrow(`No migrations/ directory next to a package.json above ${nowhere}.`);
    } finally {
      rmSync(nowhere, { recursive: true });
    }
  });
});
