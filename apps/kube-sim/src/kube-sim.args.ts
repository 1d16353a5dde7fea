import { parseArgs } from 'node:util';

export interface KubeSimArgs {
  readonly port: number;
  readonly host: string;
  readonly nodes: number;
  readonly kubeconfig: string;
  readonly seed: boolean;
  readonly readyDelayMs: number;
  readonly help: boolean;
}

export const USAGE = `Usage: npm run kube-sim -- [options]
  --port <n>            API server port (default 18443; 0 picks a free port)
  --host <address>      listen address (default 127.0.0.1)
  --nodes <n>           number of simulated nodes (default 50)
  --kubeconfig <path>   where to write the kubeconfig (default ./sim.kubeconfig)
  --seed                add the log-collector DaemonSet and its PodDisruptionBudget
  --ready-delay <time>  how long a pod takes to become Ready: 2s, 500ms or plain milliseconds (default 2s)
  --help                print this text`;

export class KubeSimArgsError extends Error {}

const integer = (flag: string, text: string, min: number, max: number): number => {
  const value = Number(text);
  if (!/^\d+$/.test(text) || value < min || value > max) {
    throw new KubeSimArgsError(`--${flag} must be an integer from ${min} to ${max}, got "${text}"`);
  }
  return value;
};

/** `2s`, `1.5s`, `500ms` or `2000` (milliseconds). */
export const parseDuration = (flag: string, text: string): number => {
  const match = /^(\d+(?:\.\d+)?)(ms|s)?$/.exec(text.trim());
  if (!match) throw new KubeSimArgsError(`--${flag} must be a duration like 2s, 500ms or 2000, got "${text}"`);
  return Math.round(Number(match[1]) * (match[2] === 's' ? 1000 : 1));
};

export const parseKubeSimArgs = (argv: readonly string[]): KubeSimArgs => {
  let parsed;
  try {
    parsed = parseArgs({
      args: [...argv],
      strict: true,
      allowPositionals: false,
      options: {
        port: { type: 'string', default: '18443' },
        host: { type: 'string', default: '127.0.0.1' },
        nodes: { type: 'string', default: '50' },
        kubeconfig: { type: 'string', default: './sim.kubeconfig' },
        seed: { type: 'boolean', default: false },
        'ready-delay': { type: 'string', default: '2s' },
        help: { type: 'boolean', default: false },
      },
    });
  } catch (error) {
    throw new KubeSimArgsError((error as Error).message);
  }
  const { values } = parsed;
  return {
    port: integer('port', values.port, 0, 65_535),
    host: values.host,
    nodes: integer('nodes', values.nodes, 0, 10_000),
    kubeconfig: values.kubeconfig,
    seed: values.seed,
    readyDelayMs: parseDuration('ready-delay', values['ready-delay']),
    help: values.help,
  };
};
