import { jest } from '@jest/globals';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import {
  AppsV1Api,
  CoordinationV1Api,
  CoreV1Api,
  KubeConfig,
  PatchStrategy,
  PolicyV1Api,
  Watch,
  setHeaderOptions,
  type V1DaemonSet,
  type V1Pod,
} from '@kubernetes/client-node';
import { writeKubeconfig } from '../kubeconfig/index.js';
import { InMemoryClusterStore } from '../store/index.js';
import { startKubeApiServer, type KubeApiServer } from './kube-api-server.js';

const NAMESPACE = 'api-test';

const pod = (name: string, labels: Record<string, string> = {}): V1Pod => ({
  apiVersion: 'v1',
  kind: 'Pod',
  metadata: { name, labels },
  spec: { nodeName: 'node-1', containers: [{ name: 'agent', image: 'agent:1' }] },
});

const daemonSet: V1DaemonSet = {
  apiVersion: 'apps/v1',
  kind: 'DaemonSet',
  metadata: { name: 'log-collector' },
  spec: {
    selector: { matchLabels: { app: 'log' } },
    template: {
      metadata: { labels: { app: 'log' } },
      spec: {
        containers: [
          { name: 'fluentd', image: 'fluentd:1' },
          { name: 'sidecar', image: 'busybox:1' },
        ],
      },
    },
  },
};

const statusOf = async (call: Promise<unknown>): Promise<{ code: number; reason?: string; message?: string }> => {
  try {
    await call;
  } catch (error) {
    const { code, body } = error as { code: number; body: unknown };
    const status = (typeof body === 'string' ? JSON.parse(body) : body) as { reason?: string; message?: string };
    return { code, reason: status.reason, message: status.message };
  }
  throw new Error('expected the call to fail');
};

interface WatchedEvent {
  type: string;
  name?: string;
  resourceVersion?: string;
  code?: number;
}

/** A client-node Watch that records what it receives and whether the server ended it. */
const startWatch = async (config: KubeConfig, path: string, query: Record<string, string | boolean>) => {
  const events: WatchedEvent[] = [];
  let ended = false;
  const request = await new Watch(config).watch(
    path,
    query,
    (type, object: { metadata?: { name?: string; resourceVersion?: string }; code?: number }) =>
      events.push({
        type,
        name: object.metadata?.name,
        resourceVersion: object.metadata?.resourceVersion,
        code: object.code,
      }),
    () => {
      ended = true;
    },
  );
  return { events, isEnded: () => ended, abort: () => request.abort() };
};

const until = async (condition: () => boolean, what: string, timeoutMs = 5_000): Promise<void> => {
  const deadline = Date.now() + timeoutMs;
  while (!condition()) {
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
};

jest.setTimeout(30_000);

describe('the simulator API through @kubernetes/client-node', () => {
  let store: InMemoryClusterStore;
  let server: KubeApiServer;
  let directory: string;
  let config: KubeConfig;
  let core: CoreV1Api;
  let apps: AppsV1Api;

  beforeAll(async () => {
    store = new InMemoryClusterStore();
    server = await startKubeApiServer({ store, bookmarkIntervalMs: 100 });
    directory = await mkdtemp(join(tmpdir(), 'kube-sim-api-'));
    await writeKubeconfig(join(directory, 'kubeconfig'), { server: server.url });
    config = new KubeConfig();
    config.loadFromFile(join(directory, 'kubeconfig'));
    core = config.makeApiClient(CoreV1Api);
    apps = config.makeApiClient(AppsV1Api);
    await core.createNamespace({ body: { metadata: { name: NAMESPACE } } });
  });

  afterAll(async () => {
    await server.close();
    store.dispose();
    await rm(directory, { recursive: true, force: true });
  });

  it('serves discovery that the client accepts', async () => {
    const namespaces = await core.listNamespace();
    expect(namespaces.items.map((ns) => ns.metadata?.name)).toEqual(expect.arrayContaining(['default', NAMESPACE]));
    const version = await fetch(`${server.url}/version`).then((response) => response.json());
    expect(version).toMatchObject({ major: '1', gitVersion: expect.stringMatching(/^v1\./) });
    const groups = (await fetch(`${server.url}/apis`).then((response) => response.json())) as {
      groups: { name: string }[];
    };
    expect(groups.groups.map((group) => group.name)).toEqual(
      expect.arrayContaining(['apps', 'policy', 'coordination.k8s.io']),
    );
  });

  it('lists in pages with limit and continue, and by label selector', async () => {
    for (let i = 0; i < 25; i++)
      await core.createNamespacedPod({ namespace: NAMESPACE, body: pod(`page-${i}`, { page: 'yes' }) });
    const names: string[] = [];
    let token: string | undefined;
    let pages = 0;
    do {
      const page = await core.listNamespacedPod({
        namespace: NAMESPACE,
        labelSelector: 'page=yes',
        limit: 10,
        _continue: token,
      });
      names.push(...page.items.map((item) => item.metadata?.name ?? ''));
      token = page.metadata?._continue;
      pages++;
    } while (token);
    expect(pages).toBe(3);
    expect(new Set(names).size).toBe(25);
    const onNode = await core.listPodForAllNamespaces({ fieldSelector: 'metadata.name=page-7' });
    expect(onNode.items.map((item) => item.metadata?.name)).toEqual(['page-7']);
  });

  it('answers 410 Expired for a continue token older than a compaction', async () => {
    const first = await core.listNamespacedPod({ namespace: NAMESPACE, limit: 2 });
    await core.createNamespacedPod({ namespace: NAMESPACE, body: pod('after-first-page') });
    await fetch(`${server.url}/sim/compact`, { method: 'POST' });
    const failure = await statusOf(
      core.listNamespacedPod({ namespace: NAMESPACE, limit: 2, _continue: first.metadata?._continue }),
    );
    expect(failure).toMatchObject({ code: 410, reason: 'Expired' });
  });

  it('gets, creates, refuses a duplicate and a stale update with 409', async () => {
    const created = await apps.createNamespacedDaemonSet({ namespace: NAMESPACE, body: daemonSet });
    expect(created.metadata?.generation).toBe(1);
    const read = await apps.readNamespacedDaemonSet({ namespace: NAMESPACE, name: 'log-collector' });
    expect(read.metadata?.uid).toBe(created.metadata?.uid);
    expect(await statusOf(apps.createNamespacedDaemonSet({ namespace: NAMESPACE, body: daemonSet }))).toMatchObject({
      code: 409,
      reason: 'AlreadyExists',
    });
    const updated = await apps.replaceNamespacedDaemonSet({
      namespace: NAMESPACE,
      name: 'log-collector',
      body: { ...read, metadata: { ...read.metadata, labels: { owner: 'sre' } } },
    });
    expect(updated.metadata?.labels).toEqual({ owner: 'sre' });
    const stale = apps.replaceNamespacedDaemonSet({
      namespace: NAMESPACE,
      name: 'log-collector',
      body: { ...read, metadata: { ...read.metadata, labels: { owner: 'other' } } },
    });
    expect(await statusOf(stale)).toMatchObject({ code: 409, reason: 'Conflict' });
    expect(await statusOf(apps.readNamespacedDaemonSet({ namespace: NAMESPACE, name: 'missing' }))).toMatchObject({
      code: 404,
      reason: 'NotFound',
    });
  });

  it('applies JSON patch, merge patch and strategic merge patch', async () => {
    const target = { namespace: NAMESPACE, name: 'log-collector' };
    await apps.patchNamespacedDaemonSet({
      ...target,
      body: [{ op: 'add', path: '/metadata/labels/patched', value: 'json' }],
    });
    await apps.patchNamespacedDaemonSet(
      { ...target, body: { metadata: { labels: { owner: null, merged: 'yes' } } } },
      setHeaderOptions('Content-Type', PatchStrategy.MergePatch),
    );
    const patched = await apps.patchNamespacedDaemonSet(
      { ...target, body: { spec: { template: { spec: { containers: [{ name: 'sidecar', image: 'busybox:2' }] } } } } },
      setHeaderOptions('Content-Type', PatchStrategy.StrategicMergePatch),
    );
    expect(patched.metadata?.labels).toEqual({ patched: 'json', merged: 'yes' });
    expect(patched.spec?.template.spec?.containers.map((c) => `${c.name}=${c.image}`)).toEqual([
      'fluentd=fluentd:1',
      'sidecar=busybox:2',
    ]);
    expect(patched.metadata?.generation).toBe(2);
    expect(patched.metadata?.annotations?.['deprecated.daemonset.template.generation']).toBe('2');
    const status = await apps.patchNamespacedDaemonSetStatus(
      {
        ...target,
        body: {
          status: { desiredNumberScheduled: 3, numberReady: 0, currentNumberScheduled: 0, numberMisscheduled: 0 },
        },
      },
      setHeaderOptions('Content-Type', PatchStrategy.MergePatch),
    );
    expect(status.status?.desiredNumberScheduled).toBe(3);
    expect(status.metadata?.generation).toBe(2);
  });

  it('deletes with a uid precondition', async () => {
    const victim = await core.createNamespacedPod({ namespace: NAMESPACE, body: pod('victim') });
    const wrongUid = core.deleteNamespacedPod({
      namespace: NAMESPACE,
      name: 'victim',
      body: { preconditions: { uid: 'not-the-uid' }, gracePeriodSeconds: 0 },
    });
    expect(await statusOf(wrongUid)).toMatchObject({ code: 409, reason: 'Conflict' });
    await core.deleteNamespacedPod({
      namespace: NAMESPACE,
      name: 'victim',
      body: { preconditions: { uid: victim.metadata?.uid }, gracePeriodSeconds: 0 },
    });
    expect(await statusOf(core.readNamespacedPod({ namespace: NAMESPACE, name: 'victim' }))).toMatchObject({
      code: 404,
    });
  });

  it('watches from a resourceVersion, sends bookmarks, and ends watches on drop-watches', async () => {
    const start = await core.createNamespacedPod({ namespace: NAMESPACE, body: pod('watched-1', { watched: 'yes' }) });
    await core.createNamespacedPod({ namespace: NAMESPACE, body: pod('watched-2', { watched: 'yes' }) });
    const watch = await startWatch(config, `/api/v1/namespaces/${NAMESPACE}/pods`, {
      resourceVersion: start.metadata?.resourceVersion ?? '',
      labelSelector: 'watched=yes',
      allowWatchBookmarks: true,
    });
    await core.patchNamespacedPod(
      { namespace: NAMESPACE, name: 'watched-1', body: { metadata: { labels: { watched: 'no' } } } },
      setHeaderOptions('Content-Type', PatchStrategy.MergePatch),
    );
    // Bookmarks come on a timer, so one may arrive before the patch is seen: wait for one after it.
    const afterDeletion = () => {
      const deletion = watch.events.findIndex((event) => event.type === 'DELETED');
      return deletion < 0 ? undefined : watch.events.slice(deletion).find((event) => event.type === 'BOOKMARK');
    };
    await until(() => afterDeletion() !== undefined, 'a bookmark after the deletion');
    expect(
      watch.events.filter((event) => event.type !== 'BOOKMARK').map((event) => `${event.type} ${event.name}`),
    ).toEqual(['ADDED watched-2', 'DELETED watched-1']);
    expect(Number(afterDeletion()?.resourceVersion)).toBeGreaterThanOrEqual(
      Number(start.metadata?.resourceVersion) + 2,
    );
    const dropped = (await fetch(`${server.url}/sim/drop-watches`, { method: 'POST' }).then((response) =>
      response.json(),
    )) as { dropped: number };
    expect(dropped.dropped).toBeGreaterThanOrEqual(1);
    await until(watch.isEnded, 'the watch to end');
  });

  it('sends the current state as ADDED for a watch without resourceVersion', async () => {
    const watch = await startWatch(config, `/api/v1/namespaces/${NAMESPACE}/pods`, {
      fieldSelector: 'metadata.name=page-3',
    });
    await until(() => watch.events.length > 0, 'the initial state');
    expect(watch.events).toEqual([expect.objectContaining({ type: 'ADDED', name: 'page-3' })]);
    watch.abort();
  });

  it('answers an ERROR 410 event for a compacted resourceVersion, and a relist recovers', async () => {
    const old = await core.listNamespacedPod({ namespace: NAMESPACE });
    await core.createNamespacedPod({ namespace: NAMESPACE, body: pod('after-compaction') });
    await fetch(`${server.url}/sim/compact`, { method: 'POST' });
    const expired = await startWatch(config, `/api/v1/namespaces/${NAMESPACE}/pods`, {
      resourceVersion: old.metadata?.resourceVersion ?? '',
    });
    await until(expired.isEnded, 'the expired watch to end');
    expect(expired.events).toEqual([expect.objectContaining({ type: 'ERROR', code: 410 })]);
    const relisted = await core.listNamespacedPod({ namespace: NAMESPACE });
    expect(relisted.items.map((item) => item.metadata?.name)).toContain('after-compaction');
    const resumed = await startWatch(config, `/api/v1/namespaces/${NAMESPACE}/pods`, {
      resourceVersion: relisted.metadata?.resourceVersion ?? '',
    });
    await core.createNamespacedPod({ namespace: NAMESPACE, body: pod('after-relist') });
    await until(() => resumed.events.length > 0, 'the resumed watch');
    expect(resumed.events).toEqual([expect.objectContaining({ type: 'ADDED', name: 'after-relist' })]);
    resumed.abort();
  });

  it('evicts through the policy/v1 Eviction subresource (no budgets configured)', async () => {
    const policy = config.makeApiClient(PolicyV1Api);
    const target = await core.createNamespacedPod({ namespace: NAMESPACE, body: pod('evicted') });
    await core.createNamespacedPodEviction({
      namespace: NAMESPACE,
      name: 'evicted',
      body: {
        metadata: { name: 'evicted', namespace: NAMESPACE },
        deleteOptions: { preconditions: { uid: target.metadata?.uid }, gracePeriodSeconds: 0 },
      },
    });
    expect(await statusOf(core.readNamespacedPod({ namespace: NAMESPACE, name: 'evicted' }))).toMatchObject({
      code: 404,
    });
    const budgets = await policy.listNamespacedPodDisruptionBudget({ namespace: NAMESPACE });
    expect(budgets.items).toEqual([]);
  });

  it('serves leases for leader election', async () => {
    const coordination = config.makeApiClient(CoordinationV1Api);
    const lease = await coordination.createNamespacedLease({
      namespace: NAMESPACE,
      body: { metadata: { name: 'orchestrator' }, spec: { holderIdentity: 'a', leaseDurationSeconds: 15 } },
    });
    const renewed = await coordination.replaceNamespacedLease({
      namespace: NAMESPACE,
      name: 'orchestrator',
      body: { ...lease, spec: { ...lease.spec, holderIdentity: 'b' } },
    });
    expect(renewed.spec?.holderIdentity).toBe('b');
    expect(
      await statusOf(coordination.replaceNamespacedLease({ namespace: NAMESPACE, name: 'orchestrator', body: lease })),
    ).toMatchObject({ code: 409 });
  });
});
