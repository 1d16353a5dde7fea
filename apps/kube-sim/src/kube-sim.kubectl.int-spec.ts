import { jest } from '@jest/globals';
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { runKubectl } from '#rollcall/kube-sim';

jest.setTimeout(90_000);

const CLI = resolve('dist/apps/kube-sim/src/main.js');

/** Starts the built CLI and resolves once it has written its kubeconfig. */
const startCli = (args: string[]): Promise<{ child: ChildProcess; output: () => string }> =>
  new Promise((resolveStart, rejectStart) => {
    const child = spawn(process.execPath, [CLI, ...args], { stdio: ['ignore', 'pipe', 'pipe'] });
    let output = '';
    const collect = (chunk: Buffer) => {
      output += chunk.toString('utf8');
      if (output.includes('kubeconfig written to')) resolveStart({ child, output: () => output });
    };
    child.stdout?.on('data', collect);
    child.stderr?.on('data', collect);
    child.once('exit', (code) =>
      rejectStart(new Error(`kube-sim exited with ${code} (run npm run build first?): ${output}`)),
    );
  });

const until = async (check: () => Promise<boolean>, what: string, timeoutMs = 30_000): Promise<void> => {
  const deadline = Date.now() + timeoutMs;
  while (!(await check())) {
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((resolveWait) => setTimeout(resolveWait, 200));
  }
};

describe('the kube-sim CLI with kubectl (DaemonSet controller and disruption rules)', () => {
  let directory: string;
  let kubeconfig: string;
  let cli: { child: ChildProcess; output: () => string };
  const kubectl = async (...args: string[]) => {
    const result = await runKubectl(kubeconfig, ['-n', 'default', ...args]);
    if (result.code !== 0) throw new Error(`kubectl ${args.join(' ')} failed (${result.code}): ${result.stderr}`);
    return result.stdout;
  };

  beforeAll(async () => {
    directory = await mkdtemp(join(tmpdir(), 'kube-sim-cli-'));
    kubeconfig = join(directory, 'sim.kubeconfig');
    cli = await startCli([
      '--port',
      '0',
      '--nodes',
      '10',
      '--seed',
      '--ready-delay',
      '100ms',
      '--kubeconfig',
      kubeconfig,
    ]);
  });

  afterAll(async () => {
    cli?.child.kill('SIGTERM');
    await rm(directory, { recursive: true, force: true });
  });

  it('prints the URL and the kubeconfig path', () => {
    expect(cli.output()).toMatch(/Kubernetes API at http:\/\/127\.0\.0\.1:\d+ with 10 nodes \(seeded\)/);
    expect(cli.output()).toContain(`kubeconfig written to ${kubeconfig}`);
  });

  it('rolls out with set image, shows the history and rolls back with undo', async () => {
    expect(await kubectl('rollout', 'status', 'ds/log-collector', '--timeout=60s')).toContain(
      'successfully rolled out',
    );
    const original = (
      await kubectl(
        'get',
        'ds',
        'log-collector',
        '-o',
        'jsonpath={.spec.template.spec.containers[0].name}={.spec.template.spec.containers[0].image}',
      )
    ).split('=');
    await kubectl('set', 'image', 'ds/log-collector', `${original[0]}=busybox:rollcall-test`);
    expect(await kubectl('rollout', 'status', 'ds/log-collector', '--timeout=60s')).toContain(
      'successfully rolled out',
    );
    const history = await kubectl('rollout', 'history', 'ds/log-collector');
    expect(history).toMatch(/^1\s/m);
    expect(history).toMatch(/^2\s/m);
    expect(await kubectl('rollout', 'undo', 'ds/log-collector')).toContain('rolled back');
    expect(await kubectl('rollout', 'status', 'ds/log-collector', '--timeout=60s')).toContain(
      'successfully rolled out',
    );
    expect(
      await kubectl('get', 'ds', 'log-collector', '-o', 'jsonpath={.spec.template.spec.containers[0].image}'),
    ).toBe(original[1]);
    expect(await kubectl('rollout', 'history', 'ds/log-collector')).toMatch(/^3\s/m);
  });

  it('evicts with create --raw until the PodDisruptionBudget refuses (429 DisruptionBudget)', async () => {
    await until(
      async () =>
        JSON.parse(await kubectl('get', 'pdb', 'log-collector', '-o', 'json')).status?.disruptionsAllowed === 1,
      'the budget to allow one disruption',
    );
    const pods = JSON.parse(await kubectl('get', 'pods', '-l', 'app=log-collector', '-o', 'json')).items as {
      metadata: { name: string };
    }[];
    const evict = async (name: string) => {
      const file = join(directory, `eviction-${name}.json`);
      await writeFile(
        file,
        JSON.stringify({ apiVersion: 'policy/v1', kind: 'Eviction', metadata: { name, namespace: 'default' } }),
      );
      return runKubectl(kubeconfig, [
        'create',
        '--raw',
        `/api/v1/namespaces/default/pods/${name}/eviction`,
        '-f',
        file,
      ]);
    };
    const first = await evict(pods[0].metadata.name);
    expect(first.code).toBe(0);
    expect(JSON.parse(first.stdout)).toMatchObject({ kind: 'Status', status: 'Success', code: 201 });
    const second = await evict(pods[1].metadata.name);
    expect(second.code).not.toBe(0);
    expect(second.stderr).toContain("Cannot evict pod as it would violate the pod's disruption budget");
  });
});
