import { execFileSync } from 'node:child_process';
import { readdirSync, readFileSync } from 'node:fs';

/** The parts of the ingest bench that use CPU, each one or more processes. */
export type BenchPart = 'watcher' | 'projector' | 'postgres' | 'kafka' | 'simulatorAndBench';

export type CpuSeconds = Record<BenchPart, number>;

const clockTicksPerSecond = (() => {
  try {
    return Number(execFileSync('getconf', ['CLK_TCK'], { encoding: 'utf8' }).trim()) || 100;
  } catch {
    return 100;
  }
})();

/** CPU seconds of one process (Linux /proc), all of it and the part spent in the kernel; 0 once it has gone. */
function processCpuSeconds(pid: string): { all: number; system: number } {
  try {
    // Fields after the command name, which may hold spaces: state is field 3, utime 14, stime 15.
    const fields = readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1].split(' ');
    const [user, system] = [Number(fields[11]), Number(fields[12])].map((ticks) => ticks / clockTicksPerSecond);
    return { all: user + system, system };
  } catch {
    return { all: 0, system: 0 };
  }
}

function commandLine(pid: string): string {
  try {
    return readFileSync(`/proc/${pid}/cmdline`, 'utf8').replaceAll('\u0000', ' ');
  } catch {
    return '';
  }
}

export interface CpuReading {
  readonly all: CpuSeconds;
  /** The kernel's share: system calls, and page faults, which on this machine include the host's first touch of memory. */
  readonly system: CpuSeconds;
}

/**
 * CPU used so far by each part: the two roles by pid, PostgreSQL (postmaster and backends) and the
 * Kafka broker by command line, and this process, which runs the simulator and the bench's polling.
 * Only meaningful where this bench started PostgreSQL and Kafka itself and nothing else runs them;
 * processes that end between two readings (an autovacuum worker) are not counted.
 */
export function cpuSecondsByPart(roles: { watcher: number; projector: number }): CpuReading {
  const usage = process.cpuUsage();
  const watcher = processCpuSeconds(String(roles.watcher));
  const projector = processCpuSeconds(String(roles.projector));
  const reading: CpuReading = {
    all: { watcher: watcher.all, projector: projector.all, postgres: 0, kafka: 0, simulatorAndBench: 0 },
    system: { watcher: watcher.system, projector: projector.system, postgres: 0, kafka: 0, simulatorAndBench: 0 },
  };
  reading.all.simulatorAndBench = (usage.user + usage.system) / 1e6;
  reading.system.simulatorAndBench = usage.system / 1e6;
  for (const pid of readdirSync('/proc').filter((name) => /^\d+$/.test(name))) {
    const command = commandLine(pid);
    const part = /^postgres[: ]|\/bin\/postgres /.test(command)
      ? 'postgres'
      : /\bkafka\.Kafka\b/.test(command)
        ? 'kafka'
        : undefined;
    if (part === undefined) continue;
    const used = processCpuSeconds(pid);
    reading.all[part] += used.all;
    reading.system[part] += used.system;
  }
  return reading;
}

/** Microseconds of CPU per event that each part spent between two readings. */
export function cpuMicrosecondsPerEvent(before: CpuSeconds, after: CpuSeconds, events: number) {
  const parts = Object.keys(before) as BenchPart[];
  const perEvent = Object.fromEntries(
    parts.map((part) => [part, Math.round(((after[part] - before[part]) / events) * 1e6)]),
  ) as CpuSeconds;
  const total = parts.reduce((sum, part) => sum + perEvent[part], 0);
  return { ...perEvent, total };
}
