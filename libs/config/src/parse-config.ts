import { homedir, userInfo } from 'node:os';
import type { HostFacts } from './default-data-dir.js';
import { rollcallConfigSchema, type RollcallConfig } from './rollcall-config.schema.js';

export interface ParseConfigOptions {
  /** Variables this process cannot run without, each with the reason it needs them. */
  readonly required?: Readonly<Record<string, string>>;
  readonly host?: HostFacts;
}

export type ParsedConfig =
  { readonly ok: true; readonly config: RollcallConfig } | { readonly ok: false; readonly problems: readonly string[] };

export function currentHost(): HostFacts {
  return { homeDir: homedir(), isRoot: userInfo().uid === 0, xdgDataHome: process.env.XDG_DATA_HOME || undefined };
}

/** Validates the environment; each problem is one sentence that names the variable and the reason. */
export function parseConfig(env: NodeJS.ProcessEnv, options: ParseConfigOptions = {}): ParsedConfig {
  // Compose files and shells often leave a variable set but empty: that means "not set".
  const present = Object.fromEntries(Object.entries(env).filter(([, value]) => value !== undefined && value !== ''));
  const missing = Object.entries(options.required ?? {})
    .filter(([name]) => present[name] === undefined)
    .map(([name, reason]) => `${name} is required: ${reason}.`);
  const result = rollcallConfigSchema(options.host ?? currentHost()).safeParse(present);
  const invalid = result.success
    ? []
    : result.error.issues.map((issue) => `${String(issue.path[0])} ${issue.message}.`);
  const problems = [...missing, ...invalid];
  if (problems.length > 0 || !result.success) return { ok: false, problems };
  return { ok: true, config: result.data };
}
