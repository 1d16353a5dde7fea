import { existsSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

/** `migrations/` beside the nearest package.json above this file: the same from source, dist/ and the image. */
export function migrationsDir(from: string = dirname(fileURLToPath(import.meta.url))): string {
  let dir = from;
  while (!(existsSync(join(dir, 'package.json')) && existsSync(join(dir, 'migrations')))) {
    const parent = dirname(dir);
    if (parent === dir) throw new Error(`No migrations/ directory next to a package.json above ${from}.`);
    dir = parent;
  }
  return join(dir, 'migrations');
}
