import { createSimulatedCluster, type SimulatedCluster } from '#rollcall/kube-sim';
import { isGone } from './kube-errors.js';
import { KubeRequestError } from './kube-json.js';
import { listJson } from './list-json.js';
import { loadKubeConfig } from './load-kube-config.js';

describe('listJson against the simulated cluster', () => {
  let cluster: SimulatedCluster;

  beforeAll(async () => {
    cluster = await createSimulatedCluster({ nodes: 5, readyDelayMs: 20, seed: false });
  });

  afterAll(async () => {
    await cluster.close();
  });

  const kubeConfig = () => loadKubeConfig({ serverUrl: cluster.url });

  it('given five nodes, when listed two at a time, then the pages hold each node once, as plain JSON', async () => {
    const names: string[] = [];
    let continueToken: string | undefined;
    let pages = 0;
    do {
      const page = await listJson(kubeConfig(), '/api/v1/nodes', { limit: 2, continueToken });
      names.push(...page.items.map((node) => node.metadata?.name ?? ''));
      expect(typeof page.items[0]?.metadata?.creationTimestamp).toBe('string');
      expect(page.metadata?.resourceVersion).toMatch(/^\d+$/);
      continueToken = page.metadata?._continue;
      pages++;
    } while (continueToken);
    expect(pages).toBe(3);
    expect(new Set(names).size).toBe(5);
  });

  it('given a selector, when listed, then only matching objects come back', async () => {
    const page = await listJson(kubeConfig(), '/api/v1/nodes', { limit: 10, fieldSelector: 'metadata.name=node-0002' });
    expect(page.items.map((node) => node.metadata?.name)).toEqual(['node-0002']);
  });

  it('given a continue token older than a compaction, when listed, then it fails with 410 so the watcher relists', async () => {
    const first = await listJson(kubeConfig(), '/api/v1/nodes', { limit: 2 });
    cluster.store.mutate('nodes', undefined, 'node-0001', (node) => ({
      ...node,
      metadata: { ...node.metadata, labels: { ...node.metadata.labels, relabelled: 'yes' } },
    }));
    await fetch(`${cluster.url}/sim/compact`, { method: 'POST' });
    const failure = await listJson(kubeConfig(), '/api/v1/nodes', {
      limit: 2,
      continueToken: first.metadata?._continue,
    }).then(
      () => null,
      (error: unknown) => error,
    );
    expect(failure).toBeInstanceOf(KubeRequestError);
    expect(isGone(failure)).toBe(true);
    expect((failure as Error).message).toContain('/api/v1/nodes');
  });

  it('given an unknown resource path, when listed, then the failure carries the 404', async () => {
    const failure = await listJson(kubeConfig(), '/api/v1/nosuchthings', { limit: 2 }).catch((error: unknown) => error);
    expect(failure).toMatchObject({ statusCode: 404 });
  });
});
