import { jest } from '@jest/globals';
import type { KubeObject, StoreWatchEvent } from './cluster-store.port.js';
import { InMemoryClusterStore } from './in-memory-cluster-store.js';

const pod = (name: string, nodeName: string, labels: Record<string, string> = {}, namespace = 'ops'): KubeObject => ({
  apiVersion: 'v1',
  kind: 'Pod',
  metadata: { name, namespace, labels },
  spec: { nodeName, containers: [{ name: 'agent', image: 'agent:1' }] },
});

const daemonSet = (image: string): KubeObject => ({
  apiVersion: 'apps/v1',
  kind: 'DaemonSet',
  metadata: { name: 'log-collector', namespace: 'ops' },
  spec: {
    selector: { matchLabels: { app: 'log' } },
    template: { metadata: { labels: { app: 'log' } }, spec: { containers: [{ name: 'log', image }] } },
  },
});

const newStore = () => new InMemoryClusterStore({ seedNamespaces: false });

describe('InMemoryClusterStore', () => {
  it('creates objects with uid, resourceVersion, creationTimestamp and generation', () => {
    const store = newStore();
    const created = store.create('pods', pod('a', 'n1'));
    expect(created.metadata.uid).toMatch(/^[0-9a-f-]{36}$/);
    expect(created.metadata.resourceVersion).toBe('1');
    expect(String(created.metadata.creationTimestamp)).toMatch(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\dZ$/);
    expect(created.metadata.generation).toBe(1);
    expect(created.status).toEqual({ phase: 'Pending' });
    expect(store.currentResourceVersion()).toBe('1');
    expect(() => store.create('pods', pod('a', 'n1'))).toThrow(expect.objectContaining({ reason: 'AlreadyExists' }));
  });

  it('seeds the standard namespaces of a fresh cluster', () => {
    const store = new InMemoryClusterStore();
    expect(store.list('namespaces').items.map((ns) => ns.metadata.name)).toEqual([
      'default',
      'kube-node-lease',
      'kube-public',
      'kube-system',
    ]);
  });

  it('hands out copies, so callers cannot change what is stored', () => {
    const store = newStore();
    const input = pod('a', 'n1', { app: 'x' });
    store.create('pods', input);
    input.metadata.labels = { app: 'changed' };
    const read = store.get('pods', 'ops', 'a');
    if (!read) throw new Error('pod missing');
    read.metadata.labels = { app: 'changed' };
    expect(store.get('pods', 'ops', 'a')?.metadata.labels).toEqual({ app: 'x' });
    store.list('pods').items[0].metadata.name = 'changed';
    expect(store.get('pods', 'ops', 'a')).toBeDefined();
  });

  it('hands mutate the stored version read-only, and keeps what a change leaves alone shared with it', () => {
    const store = new InMemoryClusterStore({ seedNamespaces: false, freezeStoredObjects: true });
    store.create('pods', pod('a', 'n1', { app: 'x' }));
    expect(() =>
      store.mutate('pods', 'ops', 'a', (current) => {
        (current.metadata.labels as Record<string, string>).app = 'changed in place';
        return current;
      }),
    ).toThrow(TypeError);
    const before = store.mutate('pods', 'ops', 'a', (current) => current);
    expect(before.metadata.labels).toEqual({ app: 'x' });
    expect(before.metadata.resourceVersion).toBe('1');

    const relabelled = store.mutate('pods', 'ops', 'a', (current) => ({
      ...current,
      metadata: { ...current.metadata, labels: { app: 'y' } },
    }));
    expect(relabelled.metadata.resourceVersion).toBe('2');
    expect(relabelled.spec).toBe(before.spec);
    expect(store.get('pods', 'ops', 'a')?.metadata.labels).toEqual({ app: 'y' });
  });

  it('refuses an update with a stale resourceVersion (Conflict)', () => {
    const store = newStore();
    const created = store.create('pods', pod('a', 'n1'));
    store.update('pods', { ...created, metadata: { ...created.metadata, labels: { v: '2' } } });
    expect(() => store.update('pods', { ...created, metadata: { ...created.metadata, labels: { v: '3' } } })).toThrow(
      expect.objectContaining({ reason: 'Conflict', message: expect.stringContaining('the object has been modified') }),
    );
    expect(() => store.update('pods', pod('missing', 'n1'))).toThrow(expect.objectContaining({ reason: 'NotFound' }));
  });

  it('moves generation on spec changes only and keeps status on a main-resource update', () => {
    const store = newStore();
    store.create('pods', pod('a', 'n1'));
    store.mutate('pods', 'ops', 'a', (p) => ({ ...p, status: { phase: 'Running' } }), { subresource: 'status' });
    const relabelled = store.mutate('pods', 'ops', 'a', (p) => ({
      ...p,
      metadata: { ...p.metadata, labels: { x: 'y' } },
      status: {},
    }));
    expect(relabelled.metadata.generation).toBe(1);
    expect(relabelled.status).toEqual({ phase: 'Running' });
    const respecced = store.mutate('pods', 'ops', 'a', (p) => ({
      ...p,
      spec: { ...(p.spec as object), nodeName: 'n2' },
    }));
    expect(respecced.metadata.generation).toBe(2);
  });

  it('changes only status through the status subresource', () => {
    const store = newStore();
    const created = store.create('pods', pod('a', 'n1'));
    const updated = store.update(
      'pods',
      { ...created, metadata: { ...created.metadata, labels: { ignored: 'yes' } }, status: { phase: 'Running' } },
      { subresource: 'status' },
    );
    expect(updated.status).toEqual({ phase: 'Running' });
    expect(updated.metadata.labels).toEqual({});
    expect(updated.metadata.generation).toBe(1);
  });

  it('does not write an unchanged object (no new resourceVersion, no event)', () => {
    const store = newStore();
    const created = store.create('pods', pod('a', 'n1'));
    const events: StoreWatchEvent[] = [];
    store.watch('pods', {}, (event) => events.push(event));
    const again = store.update('pods', created);
    expect(again.metadata.resourceVersion).toBe(created.metadata.resourceVersion);
    expect(events).toHaveLength(0);
  });

  it('follows the DaemonSet strategy: template changes move generation and the template-generation annotation', () => {
    const store = newStore();
    const created = store.create('daemonsets', daemonSet('log:1'));
    expect(created.metadata.generation).toBe(1);
    expect(created.metadata.annotations).toEqual({ 'deprecated.daemonset.template.generation': '1' });
    expect(created.spec).toMatchObject({
      revisionHistoryLimit: 10,
      updateStrategy: { type: 'RollingUpdate', rollingUpdate: { maxUnavailable: 1, maxSurge: 0 } },
    });
    const imageChanged = store.mutate('daemonsets', 'ops', 'log-collector', (ds) => {
      const spec = ds.spec as { template: { spec: { containers: { image: string }[] } } };
      const [container] = spec.template.spec.containers;
      const template = {
        ...spec.template,
        spec: { ...spec.template.spec, containers: [{ ...container, image: 'log:2' }] },
      };
      return { ...ds, spec: { ...spec, template } };
    });
    expect(imageChanged.metadata.generation).toBe(2);
    expect(imageChanged.metadata.annotations?.['deprecated.daemonset.template.generation']).toBe('2');
    const strategyChanged = store.mutate('daemonsets', 'ops', 'log-collector', (ds) => ({
      ...ds,
      spec: { ...(ds.spec as object), updateStrategy: { type: 'OnDelete' } },
      metadata: { ...ds.metadata, annotations: { 'deprecated.daemonset.template.generation': '99' } },
    }));
    expect(strategyChanged.metadata.generation).toBe(3);
    expect(strategyChanged.metadata.annotations?.['deprecated.daemonset.template.generation']).toBe('2');
  });

  it('lists by namespace and label and field selectors', () => {
    const store = newStore();
    store.create('pods', pod('a', 'n1', { app: 'log' }));
    store.create('pods', pod('b', 'n2', { app: 'log' }));
    store.create('pods', pod('c', 'n1', { app: 'web' }));
    store.create('pods', pod('d', 'n1', { app: 'log' }, 'other'));
    const names = (options: Parameters<typeof store.list>[1]) =>
      store.list('pods', options).items.map((p) => `${p.metadata.namespace}/${p.metadata.name}`);
    expect(names({ namespace: 'ops' })).toEqual(['ops/a', 'ops/b', 'ops/c']);
    expect(names({ labelSelector: 'app=log' })).toEqual(['ops/a', 'ops/b', 'other/d']);
    expect(names({ fieldSelector: 'spec.nodeName=n1' })).toEqual(['ops/a', 'ops/c', 'other/d']);
    expect(names({ namespace: 'ops', fieldSelector: 'spec.nodeName=n1', labelSelector: 'app!=web' })).toEqual([
      'ops/a',
    ]);
    expect(store.list('pods', { namespace: 'ops' }).resourceVersion).toBe('4');
  });

  it('paginates with limit and continue, and expires tokens older than a compaction', () => {
    const store = newStore();
    for (let i = 0; i < 5; i++) store.create('pods', pod(`p${i}`, 'n1'));
    const first = store.list('pods', { limit: 2 });
    expect(first.items.map((p) => p.metadata.name)).toEqual(['p0', 'p1']);
    expect(first.remainingItemCount).toBe(3);
    store.create('pods', pod('p9', 'n1'));
    const second = store.list('pods', { limit: 2, continue: first.continue });
    expect(second.items.map((p) => p.metadata.name)).toEqual(['p2', 'p3']);
    expect(second.resourceVersion).toBe(first.resourceVersion);
    const last = store.listJson('pods', { limit: 3, continue: second.continue });
    expect(last.items.map((json) => JSON.parse(json).metadata.name)).toEqual(['p4', 'p9']);
    expect(last.continue).toBeUndefined();
    store.compact();
    expect(() => store.list('pods', { limit: 2, continue: first.continue })).toThrow(
      expect.objectContaining({ reason: 'Expired' }),
    );
    expect(() => store.list('pods', { continue: 'garbage' })).toThrow(
      expect.objectContaining({ reason: 'BadRequest' }),
    );
  });

  it('replays changes after a resourceVersion, then streams new ones in order', () => {
    const store = newStore();
    const a = store.create('pods', pod('a', 'n1'));
    store.create('pods', pod('b', 'n1'));
    const events: string[] = [];
    const stop = store.watch('pods', { sinceResourceVersion: a.metadata.resourceVersion }, (event) =>
      events.push(`${event.type} ${event.object.metadata.name} ${event.object.metadata.resourceVersion}`),
    );
    store.delete('pods', 'ops', 'a', { gracePeriodSeconds: 0 });
    stop();
    store.create('pods', pod('c', 'n1'));
    expect(events).toEqual(['ADDED b 2', 'DELETED a 3']);
  });

  it('turns selector exits and entries into DELETED and ADDED events', () => {
    const store = newStore();
    store.create('pods', pod('a', 'n1', { app: 'log' }));
    const events: string[] = [];
    store.watch('pods', { labelSelector: 'app=log' }, (event) => events.push(event.type));
    const relabel = (app: string) =>
      store.mutate('pods', 'ops', 'a', (p) => ({ ...p, metadata: { ...p.metadata, labels: { app } } }));
    relabel('web');
    relabel('web2');
    relabel('log');
    expect(events).toEqual(['DELETED', 'ADDED']);
  });

  it('keeps delivery ordered when a listener writes to the store', () => {
    const store = newStore();
    const seen: string[][] = [[], []];
    store.watch('pods', {}, (event) => {
      seen[0].push(event.object.metadata.resourceVersion ?? '');
      if (event.object.metadata.name === 'a') store.create('pods', pod('b', 'n1'));
    });
    store.watch('pods', {}, (event) => seen[1].push(event.object.metadata.resourceVersion ?? ''));
    store.create('pods', pod('a', 'n1'));
    expect(seen).toEqual([
      ['1', '2'],
      ['1', '2'],
    ]);
  });

  it('answers Gone for a watch from before the oldest kept change', () => {
    const store = new InMemoryClusterStore({ seedNamespaces: false, changeLogCapacity: 2 });
    for (let i = 0; i < 4; i++) store.create('pods', pod(`p${i}`, 'n1'));
    expect(() => store.watch('pods', { sinceResourceVersion: '1' }, () => undefined)).toThrow(
      expect.objectContaining({ reason: 'Gone' }),
    );
    const events: string[] = [];
    store.watch('pods', { sinceResourceVersion: '2' }, (event) => events.push(event.object.metadata.name ?? ''));
    expect(events).toEqual(['p2', 'p3']);
    store.compact();
    expect(() => store.watch('pods', { sinceResourceVersion: '3' }, () => undefined)).toThrow(
      expect.objectContaining({ reason: 'Gone' }),
    );
  });

  it('checks delete preconditions', () => {
    const store = newStore();
    const created = store.create('daemonsets', daemonSet('log:1'));
    expect(() => store.delete('daemonsets', 'ops', 'log-collector', { preconditions: { uid: 'other' } })).toThrow(
      expect.objectContaining({ reason: 'Conflict', message: expect.stringContaining('Precondition failed: UID') }),
    );
    expect(() =>
      store.delete('daemonsets', 'ops', 'log-collector', { preconditions: { resourceVersion: '99' } }),
    ).toThrow(expect.objectContaining({ reason: 'Conflict' }));
    store.delete('daemonsets', 'ops', 'log-collector', { preconditions: { uid: created.metadata.uid } });
    expect(store.get('daemonsets', 'ops', 'log-collector')).toBeUndefined();
    expect(() => store.delete('daemonsets', 'ops', 'log-collector')).toThrow(
      expect.objectContaining({ reason: 'NotFound' }),
    );
  });

  it('deletes a scheduled pod gracefully: terminating first, removed when the grace period ends', () => {
    jest.useFakeTimers({ now: new Date('2026-01-01T00:00:00Z') });
    try {
      const store = newStore();
      store.create('pods', pod('a', 'n1'));
      const terminating = store.delete('pods', 'ops', 'a', { gracePeriodSeconds: 5 });
      expect(terminating.metadata.deletionTimestamp).toBe('2026-01-01T00:00:05Z');
      expect(terminating.metadata.deletionGracePeriodSeconds).toBe(5);
      expect(store.get('pods', 'ops', 'a')).toBeDefined();
      jest.advanceTimersByTime(5_000);
      expect(store.get('pods', 'ops', 'a')).toBeUndefined();
      store.create('pods', pod('b', 'n1'));
      store.delete('pods', 'ops', 'b', { gracePeriodSeconds: 30 });
      store.delete('pods', 'ops', 'b', { gracePeriodSeconds: 0 });
      expect(store.get('pods', 'ops', 'b')).toBeUndefined();
      store.create('pods', pod('unscheduled', ''));
      store.delete('pods', 'ops', 'unscheduled');
      expect(store.get('pods', 'ops', 'unscheduled')).toBeUndefined();
    } finally {
      jest.useRealTimers();
    }
  });

  it('holds 5,000 nodes and 15,000 pods and pages through them quickly', () => {
    const store = newStore();
    for (let n = 0; n < 5_000; n++) {
      store.create('nodes', { apiVersion: 'v1', kind: 'Node', metadata: { name: `node-${n}` }, spec: {} });
      for (let p = 0; p < 3; p++)
        store.create('pods', pod(`ds${p}-${n}`, `node-${n}`, { app: `ds${p}` }, 'kube-system'));
    }
    const started = performance.now();
    let count = 0;
    let token: string | undefined;
    do {
      const page = store.listJson('pods', { namespace: 'kube-system', limit: 500, continue: token });
      count += page.items.length;
      token = page.continue;
    } while (token);
    const onNode = store.list('pods', { fieldSelector: 'spec.nodeName=node-4321' }).items;
    expect(count).toBe(15_000);
    expect(onNode).toHaveLength(3);
    expect(performance.now() - started).toBeLessThan(3_000);
  });
});
