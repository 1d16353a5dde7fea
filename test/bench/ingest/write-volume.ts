import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import type { Pool } from 'pg';

/**
 * Bytes the pipeline has written so far where they stay in the page cache: PostgreSQL's write-ahead
 * log and database files, and the Kafka broker's log directory (null when the broker is not a local
 * process, e.g. a container). Each new page of them is memory the kernel must hand out.
 */
export interface WriteVolume {
  readonly postgresWal: number;
  readonly postgresDatabase: number;
  readonly kafkaLog: number | null;
}

export async function readWriteVolume(pool: Pool): Promise<WriteVolume> {
  const { rows } = await pool.query<{ wal: string; database: string }>(
    `SELECT pg_wal_lsn_diff(pg_current_wal_lsn(), '0/0')::text AS wal,
            pg_database_size(current_database())::text AS database`,
  );
  return { postgresWal: Number(rows[0].wal), postgresDatabase: Number(rows[0].database), kafkaLog: kafkaLogBytes() };
}

/** Bytes written per event between two readings, by where they went. */
export function bytesPerEvent(before: WriteVolume, after: WriteVolume, events: number) {
  const perEvent = (from: number, to: number) => Math.round((to - from) / events);
  return {
    postgresWal: perEvent(before.postgresWal, after.postgresWal),
    postgresDatabase: perEvent(before.postgresDatabase, after.postgresDatabase),
    kafkaLog: before.kafkaLog === null || after.kafkaLog === null ? null : perEvent(before.kafkaLog, after.kafkaLog),
  };
}

/** The size of the local broker's `log.dirs`, found through its command line's server.properties. */
function kafkaLogBytes(): number | null {
  for (const pid of readdirSync('/proc').filter((name) => /^\d+$/.test(name))) {
    let args: string[];
    try {
      args = readFileSync(`/proc/${pid}/cmdline`, 'utf8').split('\u0000');
    } catch {
      continue;
    }
    const mainClass = args.indexOf('kafka.Kafka');
    if (mainClass < 0) continue;
    // `kafka.Kafka <server.properties>`: the broker's one argument.
    const properties = args[mainClass + 1];
    if (!properties?.endsWith('.properties')) return null;
    const logDirs = /^log\.dirs=(.+)$/m.exec(readFileSync(properties, 'utf8'))?.[1];
    return logDirs === undefined ? null : logDirs.split(',').reduce((total, dir) => total + treeBytes(dir.trim()), 0);
  }
  return null;
}

function treeBytes(path: string): number {
  try {
    const stats = statSync(path);
    if (!stats.isDirectory()) return stats.size;
    return readdirSync(path).reduce((total, name) => total + treeBytes(join(path, name)), 0);
  } catch {
    return 0; // a segment deleted while we walk
  }
}
