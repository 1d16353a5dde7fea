import { join } from 'node:path';

export interface HostFacts {
  readonly homeDir: string;
  readonly isRoot: boolean;
  readonly xdgDataHome?: string;
}

/**
 * Where Rollcall keeps local state (the embedded PostgreSQL cluster). Root gets /var/lib/rollcall
 * because the embedded server runs as the `postgres` user, which cannot enter root's 0700 home.
 */
export function defaultDataDir(host: HostFacts): string {
  if (host.isRoot) return '/var/lib/rollcall';
  return join(host.xdgDataHome ?? join(host.homeDir, '.local', 'share'), 'rollcall');
}
