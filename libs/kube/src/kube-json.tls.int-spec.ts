import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createSimulatedCluster, type SimulatedCluster } from '#rollcall/kube-sim';
import { stringify } from 'yaml';
import { requestKubeJson } from './kube-json.js';
import { listJson } from './list-json.js';
import { loadKubeConfig } from './load-kube-config.js';
import { startTlsFront, type TlsFront } from './testing/tls-front.js';

const TOKEN = 'rollcall-tls-test-token';

describe('JSON requests to an API server behind TLS, authenticated by a kubeconfig', () => {
  let cluster: SimulatedCluster;
  let front: TlsFront;
  let directory: string;

  /** A kubeconfig file as kubectl would use it: the server's CA as data, a bearer token. */
  const kubeconfigFile = async (name: string, caPem: string | null): Promise<string> => {
    const path = join(directory, name);
    const clusterEntry = {
      server: front.url,
      ...(caPem === null ? {} : { 'certificate-authority-data': Buffer.from(caPem).toString('base64') }),
    };
    await writeFile(
      path,
      stringify({
        apiVersion: 'v1',
        kind: 'Config',
        clusters: [{ name: 'tls', cluster: clusterEntry }],
        users: [{ name: 'tls', user: { token: TOKEN } }],
        contexts: [{ name: 'tls', context: { cluster: 'tls', user: 'tls' } }],
        'current-context': 'tls',
      }),
    );
    return path;
  };

  beforeAll(async () => {
    cluster = await createSimulatedCluster({ nodes: 3, readyDelayMs: 20, seed: false });
    directory = await mkdtemp(join(tmpdir(), 'rollcall-kube-tls-'));
    front = await startTlsFront(cluster.url, directory);
  });

  afterAll(async () => {
    await front?.close();
    await cluster?.close();
    await rm(directory, { recursive: true, force: true });
  });

  it('given the server CA and a token, when nodes are listed, then they come back and the token was sent', async () => {
    const kubeConfig = loadKubeConfig({ kubeconfigPath: await kubeconfigFile('trusting', front.caPem) });
    const seen = front.authorizations.length;

    const page = await listJson(kubeConfig, '/api/v1/nodes', { limit: 10 });

    expect(page.items.map((node) => node.metadata?.name).sort()).toEqual(['node-0001', 'node-0002', 'node-0003']);
    expect(front.authorizations.slice(seen)).toEqual([`Bearer ${TOKEN}`]);
  });

  it('given the server CA, when a Lease is created and replaced, then both writes reach the server', async () => {
    const kubeConfig = loadKubeConfig({ kubeconfigPath: await kubeconfigFile('trusting', front.caPem) });
    const path = '/apis/coordination.k8s.io/v1/namespaces/default/leases';

    const created = await requestKubeJson<{ metadata: { resourceVersion: string }; spec: { holderIdentity: string } }>(
      kubeConfig,
      {
        method: 'POST',
        path,
        body: {
          apiVersion: 'coordination.k8s.io/v1',
          kind: 'Lease',
          metadata: { name: 'tls' },
          spec: { holderIdentity: 'a' },
        },
      },
    );
    const replaced = await requestKubeJson<{ spec: { holderIdentity: string } }>(kubeConfig, {
      method: 'PUT',
      path: `${path}/tls`,
      body: {
        metadata: { name: 'tls', resourceVersion: created.metadata.resourceVersion },
        spec: { holderIdentity: 'b' },
      },
    });

    expect(created.spec.holderIdentity).toBe('a');
    expect(replaced.spec.holderIdentity).toBe('b');
    expect(cluster.store.get('leases', 'default', 'tls')).toMatchObject({ spec: { holderIdentity: 'b' } });
  });

  it('given a kubeconfig without the server CA, when a request is made, then the certificate is refused', async () => {
    const kubeConfig = loadKubeConfig({ kubeconfigPath: await kubeconfigFile('untrusting', null) });
    const seen = front.authorizations.length;

    const failure = await listJson(kubeConfig, '/api/v1/nodes', { limit: 10 }).catch((error: unknown) => error);

    expect(failure).toBeInstanceOf(Error);
    expect(String((failure as Error & { cause?: unknown }).cause)).toMatch(/certificate/i);
    expect(front.authorizations.length).toBe(seen);
  });
});
