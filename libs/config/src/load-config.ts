import { parseConfig, type ParseConfigOptions } from './parse-config.js';
import type { RollcallConfig } from './rollcall-config.schema.js';

/** Reads the configuration once at boot; a bad variable ends the process with its sentence, no stack trace. */
export function loadConfigOrExit(options: ParseConfigOptions = {}): RollcallConfig {
  const parsed = parseConfig(process.env, options);
  if (parsed.ok) return parsed.config;
  for (const problem of parsed.problems) process.stderr.write(`Invalid configuration: ${problem}\n`);
  process.exit(1);
}
