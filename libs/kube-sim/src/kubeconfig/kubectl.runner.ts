import { execFile, spawn } from 'node:child_process';

export const KUBECTL_MISSING =
  'kubectl is not installed or not on PATH. Install it with `apt-get update && apt-get install -y kubernetes-client` (Debian/Ubuntu) or from https://kubernetes.io/docs/tasks/tools/';

export interface KubectlResult {
  readonly code: number;
  readonly stdout: string;
  readonly stderr: string;
}

const kubectlBinary = (): string => process.env.KUBECTL ?? 'kubectl';

/** Runs kubectl against a kubeconfig; resolves with its exit code and output, fails only when kubectl is missing. */
export const runKubectl = (kubeconfig: string, args: readonly string[], input?: string): Promise<KubectlResult> =>
  new Promise((resolve, reject) => {
    const child = execFile(
      kubectlBinary(),
      ['--kubeconfig', kubeconfig, ...args],
      { timeout: 60_000, maxBuffer: 32 * 1024 * 1024 },
      (error, stdout, stderr) => {
        const failure = error as (NodeJS.ErrnoException & { code?: string | number }) | null;
        if (failure?.code === 'ENOENT') return reject(new Error(KUBECTL_MISSING));
        resolve({ code: typeof failure?.code === 'number' ? failure.code : failure ? 1 : 0, stdout, stderr });
      },
    );
    if (input !== undefined) child.stdin?.end(input);
  });

/** A long-running kubectl (like `get -w`): collects stdout lines until stopped. */
export const startKubectl = (kubeconfig: string, args: readonly string[]) => {
  const child = spawn(kubectlBinary(), ['--kubeconfig', kubeconfig, ...args], { stdio: ['ignore', 'pipe', 'pipe'] });
  const lines: string[] = [];
  let missing = false;
  let buffered = '';
  child.on('error', (error: NodeJS.ErrnoException) => {
    missing = error.code === 'ENOENT';
  });
  child.stdout.on('data', (chunk: Buffer) => {
    const parts = (buffered + chunk.toString('utf8')).split('\n');
    buffered = parts.pop() ?? '';
    lines.push(...parts);
  });
  return {
    lines: (): readonly string[] => {
      if (missing) throw new Error(KUBECTL_MISSING);
      return lines;
    },
    stop: (): void => {
      child.kill('SIGTERM');
    },
  };
};
