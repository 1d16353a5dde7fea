import { jest } from '@jest/globals';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { runKubectl, startKubectl, writeKubeconfig } from '../kubeconfig/index.js';
import { InMemoryClusterStore } from '../store/index.js';
import { startKubeApiServer, type KubeApiServer } from './kube-api-server.js';

const daemonSetYaml = (image: string) => `apiVersion: apps/v1
kind: DaemonSet
metadata:
  name: node-agent
  namespace: default
  labels: {app: node-agent}
spec:
  selector:
    matchLabels: {app: node-agent}
  template:
    metadata:
      labels: {app: node-agent}
    spec:
      tolerations:
      - {key: node-role.kubernetes.io/control-plane, operator: Exists, effect: NoSchedule}
      containers:
      - name: agent
        image: ${image}
        env: [{name: LEVEL, value: info}]
      - name: sidecar
        image: busybox:1.36
`;

const podYaml = `apiVersion: v1
kind: Pod
metadata:
  name: standalone
  namespace: default
spec:
  nodeName: node-1
  containers:
  - name: main
    image: nginx:1.27
`;

const until = async (condition: () => boolean, what: string, timeoutMs = 10_000): Promise<void> => {
  const deadline = Date.now() + timeoutMs;
  while (!condition()) {
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
};

jest.setTimeout(30_000);

describe('the simulator API through kubectl', () => {
  let store: InMemoryClusterStore;
  let server: KubeApiServer;
  let directory: string;
  let kubeconfig: string;
  const kubectl = async (...args: string[]) => {
    const result = await runKubectl(kubeconfig, args);
    if (result.code !== 0) throw new Error(`kubectl ${args.join(' ')} failed (${result.code}): ${result.stderr}`);
    return result.stdout;
  };
  const daemonSet = async () => JSON.parse(await kubectl('get', 'ds', 'node-agent', '-o', 'json'));

  beforeAll(async () => {
    store = new InMemoryClusterStore();
    server = await startKubeApiServer({ store });
    directory = await mkdtemp(join(tmpdir(), 'kube-sim-kubectl-'));
    kubeconfig = join(directory, 'kubeconfig');
    await writeKubeconfig(kubeconfig, { server: server.url });
  });

  afterAll(async () => {
    await server.close();
    store.dispose();
    await rm(directory, { recursive: true, force: true });
  });

  it('gets objects as YAML and JSON', async () => {
    expect(await kubectl('get', 'namespace', 'default', '-o', 'yaml')).toMatch(/kind: Namespace\n[\s\S]*name: default/);
    const list = JSON.parse(await kubectl('get', 'namespaces', '-o', 'json'));
    expect(list.items.map((ns: { metadata: { name: string } }) => ns.metadata.name)).toContain('kube-system');
  });

  it('creates from a file and deletes', async () => {
    await writeFile(join(directory, 'pod.yaml'), podYaml);
    expect(await kubectl('create', '-f', join(directory, 'pod.yaml'))).toContain('pod/standalone created');
    expect(JSON.parse(await kubectl('get', 'pod', 'standalone', '-o', 'json')).status.phase).toBe('Pending');
    expect(await kubectl('delete', 'pod', 'standalone', '--grace-period=0', '--force')).toContain(
      '"standalone" force deleted',
    );
    expect(store.get('pods', 'default', 'standalone')).toBeUndefined();
  });

  it('applies twice (the second time a strategic merge patch), labels and patches', async () => {
    const manifest = join(directory, 'ds.yaml');
    await writeFile(manifest, daemonSetYaml('agent:1'));
    expect(await kubectl('apply', '-f', manifest)).toContain('daemonset.apps/node-agent created');
    await writeFile(manifest, daemonSetYaml('agent:2'));
    expect(await kubectl('apply', '-f', manifest)).toContain('daemonset.apps/node-agent configured');
    let applied = await daemonSet();
    expect(applied.spec.template.spec.containers.map((c: { image: string }) => c.image)).toEqual([
      'agent:2',
      'busybox:1.36',
    ]);
    expect(applied.metadata.generation).toBe(2);

    await kubectl('label', 'ds', 'node-agent', 'tier=infra');
    await kubectl('patch', 'ds', 'node-agent', '--type', 'merge', '-p', '{"metadata":{"labels":{"merged":"yes"}}}');
    await kubectl(
      'patch',
      'ds',
      'node-agent',
      '--type',
      'json',
      '-p',
      '[{"op":"add","path":"/metadata/labels/json","value":"yes"}]',
    );
    await kubectl('set', 'image', 'ds/node-agent', 'sidecar=busybox:1.37');
    applied = await daemonSet();
    expect(applied.metadata.labels).toEqual({ app: 'node-agent', tier: 'infra', merged: 'yes', json: 'yes' });
    expect(applied.spec.template.spec.containers.map((c: { image: string }) => c.image)).toEqual([
      'agent:2',
      'busybox:1.37',
    ]);
    expect(applied.metadata.annotations['deprecated.daemonset.template.generation']).toBe('3');

    expect(await kubectl('delete', 'ds', 'node-agent')).toContain('"node-agent" deleted');
    expect((await runKubectl(kubeconfig, ['get', 'ds', 'node-agent'])).stderr).toContain('NotFound');
  });

  it('follows changes with get -w', async () => {
    // `kubectl create namespace` sends protobuf, which the simulator refuses (415); a manifest is JSON.
    expect((await runKubectl(kubeconfig, ['create', 'namespace', 'watched'])).stderr).toContain('UnsupportedMediaType');
    await writeFile(join(directory, 'ns.yaml'), 'apiVersion: v1\nkind: Namespace\nmetadata: {name: watched}\n');
    await kubectl('create', '-f', join(directory, 'ns.yaml'));
    const watch = startKubectl(kubeconfig, ['get', 'pods', '-n', 'watched', '-w', '--output-watch-events']);
    try {
      // kubectl prints nothing until the first event: give it time to list and open its watch.
      await new Promise((resolve) => setTimeout(resolve, 1_500));
      await kubectl('run', 'watched-pod', '-n', 'watched', '--image', 'nginx:1.27');
      await until(() => watch.lines().some((line) => line.includes('watched-pod')), 'the watched pod');
      expect(watch.lines().find((line) => line.includes('watched-pod'))).toMatch(/^ADDED\s+watched-pod/);
    } finally {
      watch.stop();
    }
  });

  it('evicts with create --raw', async () => {
    await kubectl('run', 'evictable', '--image', 'nginx:1.27', '--overrides', '{"spec":{"nodeName":"node-1"}}');
    const eviction = join(directory, 'eviction.json');
    await writeFile(
      eviction,
      JSON.stringify({
        apiVersion: 'policy/v1',
        kind: 'Eviction',
        metadata: { name: 'evictable', namespace: 'default' },
      }),
    );
    const answer = JSON.parse(
      await kubectl('create', '--raw', '/api/v1/namespaces/default/pods/evictable/eviction', '-f', eviction),
    );
    expect(answer).toMatchObject({ kind: 'Status', status: 'Success', code: 201 });
    expect(store.get('pods', 'default', 'evictable')?.metadata.deletionTimestamp).toBeDefined();
  });
});
