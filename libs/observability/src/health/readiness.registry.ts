import type { CheckOutcome, ReadinessReport } from './readiness-report.js';

/** Resolves when the dependency is usable; a `false` result or a rejection means it is not. */
export type ReadinessProbe = () => Promise<boolean | void>;

const DEFAULT_PROBE_TIMEOUT_MS = 2000;

/** The dependencies /readyz checks; modules register what their process cannot serve without. */
export class ReadinessRegistry {
  private readonly probes = new Map<string, ReadinessProbe>();

  constructor(private readonly probeTimeoutMs = DEFAULT_PROBE_TIMEOUT_MS) {}

  register(name: string, probe: ReadinessProbe): void {
    this.probes.set(name, probe);
  }

  async evaluate(): Promise<ReadinessReport> {
    const checks = await Promise.all([...this.probes].map(([name, probe]) => this.run(name, probe)));
    return { ready: checks.every((check) => check.ready), checks };
  }

  private async run(name: string, probe: ReadinessProbe): Promise<CheckOutcome> {
    let timer: NodeJS.Timeout | undefined;
    // A dependency that hangs must not hang the probe that asks about it.
    const timeout = new Promise<never>((_, reject) => {
      timer = setTimeout(() => reject(new Error(`no answer within ${this.probeTimeoutMs} ms`)), this.probeTimeoutMs);
    });
    try {
      const result = await Promise.race([probe(), timeout]);
      return result === false ? { name, ready: false, reason: 'unreachable' } : { name, ready: true };
    } catch (error) {
      return { name, ready: false, reason: error instanceof Error ? error.message : String(error) };
    } finally {
      clearTimeout(timer);
    }
  }
}
