import { jest } from '@jest/globals';
import type { DaemonSetPodView } from './daemonsets/daemonset-pod.view.js';
import type { DaemonSetView } from './daemonsets/daemonset.view.js';
import type { NodeDetailView, NodeView } from './nodes/node.view.js';
import { auditApiOverClusterHistory } from './testing/audit-api.test-app.js';
import { at } from './testing/cluster-history.scenario.js';
import { fieldsOf, type PageBody, type Problem } from './testing/problem.js';

jest.setTimeout(60_000);

const api = auditApiOverClusterHistory();

const names = (body: unknown) => (body as PageBody<NodeView>).items.map((item) => item.name);

describe('GET /v1/nodes', () => {
  it('lists live nodes by name for any role, and refuses without a token', async () => {
    const listed = await api.get('/v1/nodes', api.tokens.viewer);
    const withDeleted = await api.get('/v1/nodes?includeDeleted=true', api.tokens.operator);
    const anonymous = await api.get('/v1/nodes');

    expect(listed.status).toBe(200);
    expect(names(listed.body)).toEqual(['node-a', 'node-b', 'node-c', 'node-d']);
    expect(names(withDeleted.body)).toEqual(['node-a', 'node-b', 'node-c', 'node-d', 'node-e']);
    expect((withDeleted.body as PageBody<NodeView>).items[4].deletedAt).toBe(at(50));
    expect(anonymous.status).toBe(401);
    expect((anonymous.body as Problem).type).toBe('urn:rollcall:problem:missing-token');
  });

  it('filters by label selector and readiness', async () => {
    const zoneA = await api.get('/v1/nodes?labelSelector=zone%3Da', api.tokens.viewer);
    const notSpotInB = await api.get('/v1/nodes?labelSelector=zone%3Db,!spot', api.tokens.viewer);
    const notZoneA = await api.get('/v1/nodes?labelSelector=zone!%3Da,zone', api.tokens.viewer);
    const notReady = await api.get('/v1/nodes?ready=false', api.tokens.viewer);

    expect(names(zoneA.body)).toEqual(['node-a', 'node-c']);
    expect(names(notSpotInB.body)).toEqual(['node-b']);
    expect(names(notZoneA.body)).toEqual(['node-b', 'node-d']);
    expect(names(notReady.body)).toEqual(['node-b']);
  });

  it('pages with a cursor without duplicates or gaps', async () => {
    const seen: string[] = [];
    let cursor: string | null = null;
    let pages = 0;
    do {
      const page = await api.get(
        `/v1/nodes?includeDeleted=true&limit=2${cursor ? `&cursor=${cursor}` : ''}`,
        api.tokens.viewer,
      );
      const body = page.body as PageBody<NodeView>;
      seen.push(...body.items.map((item) => item.name));
      cursor = body.nextCursor;
      pages += 1;
    } while (cursor !== null && pages < 10);

    expect(seen).toEqual(['node-a', 'node-b', 'node-c', 'node-d', 'node-e']);
    expect(pages).toBe(3);
  });

  it('answers bad filters with 422 naming the field', async () => {
    const cases = {
      ready: '/v1/nodes?ready=maybe',
      labelSelector: '/v1/nodes?labelSelector=zone%20in%20(a)',
      limit: '/v1/nodes?limit=0',
      cursor: '/v1/nodes?cursor=garbage',
    };
    for (const [field, path] of Object.entries(cases)) {
      const refused = await api.get(path, api.tokens.viewer);

      expect(refused.status).toBe(422);
      expect(refused.headers.get('content-type')).toMatch(/^application\/problem\+json/);
      expect(fieldsOf(refused.body)).toEqual([field]);
    }
  });
});

describe('GET /v1/nodes/{node}', () => {
  it('shows labels, taints, readiness, since when, and the DaemonSet pods on it now', async () => {
    const nodeA = await api.get('/v1/nodes/node-a', api.tokens.viewer);
    const nodeB = await api.get('/v1/nodes/node-b', api.tokens.viewer);
    const detail = nodeA.body as NodeDetailView;

    expect(nodeA.status).toBe(200);
    expect(detail).toMatchObject({ name: 'node-a', labels: { zone: 'a', tier: 'edge' }, ready: true, since: at(1) });
    expect(detail.daemonSetPods).toEqual([
      expect.objectContaining({
        daemonSet: 'log-collector',
        pod: { name: 'log-collector-pod-a3', uid: 'pod-a3' },
        revisionHash: 'ccc',
        images: ['fluentd:ccc'],
        since: at(31),
        upToDate: true,
      }),
    ]);
    expect(nodeB.body).toMatchObject({
      ready: false,
      taints: [{ key: 'dedicated', value: 'edge', effect: 'NoSchedule' }],
    });
  });

  it('answers an unknown node with 404 and a malformed name with 422', async () => {
    const missing = await api.get('/v1/nodes/node-z', api.tokens.viewer);
    const malformed = await api.get('/v1/nodes/Not_A_Node', api.tokens.viewer);

    expect(missing.status).toBe(404);
    expect(missing.body).toMatchObject({ type: 'urn:rollcall:problem:node-not-found', instance: '/v1/nodes/node-z' });
    expect(malformed.status).toBe(422);
    expect(fieldsOf(malformed.body)).toEqual(['node']);
  });
});

describe('GET /v1/daemonsets', () => {
  it('lists DaemonSets and shows one with its target revision, images, counts and strategy', async () => {
    const listed = await api.get('/v1/daemonsets', api.tokens.viewer);
    const one = await api.get('/v1/daemonsets/ops/log-collector', api.tokens.approver);
    const otherNamespace = await api.get('/v1/daemonsets?namespace=kube-system', api.tokens.viewer);

    expect((listed.body as PageBody<DaemonSetView>).items.map((item) => item.name)).toEqual(['log-collector']);
    expect((otherNamespace.body as PageBody<DaemonSetView>).items).toEqual([]);
    expect(one.status).toBe(200);
    expect(one.body).toMatchObject({
      namespace: 'ops',
      name: 'log-collector',
      currentRevision: { hash: 'ccc', number: 3 },
      images: ['fluentd:ccc'],
      updateStrategy: { type: 'OnDelete' },
      status: { desiredNumberScheduled: 3, updatedNumberScheduled: 2, numberAvailable: 3, trusted: true },
    });
  });

  it('lists the per-node state, filtered by upToDate and paged', async () => {
    const all = await api.get('/v1/daemonsets/ops/log-collector/nodes', api.tokens.viewer);
    const behind = await api.get('/v1/daemonsets/ops/log-collector/nodes?upToDate=false', api.tokens.viewer);
    const first = await api.get('/v1/daemonsets/ops/log-collector/nodes?limit=2', api.tokens.viewer);
    const firstBody = first.body as PageBody<DaemonSetPodView>;
    const second = await api.get(
      `/v1/daemonsets/ops/log-collector/nodes?limit=2&cursor=${firstBody.nextCursor}`,
      api.tokens.viewer,
    );
    const nodesOf = (body: unknown) => (body as PageBody<DaemonSetPodView>).items.map((item) => item.node);

    expect(nodesOf(all.body)).toEqual(['node-a', 'node-b', 'node-c']);
    expect((behind.body as PageBody<DaemonSetPodView>).items).toEqual([
      expect.objectContaining({ node: 'node-c', revisionHash: 'aaa', upToDate: false, since: at(11) }),
    ]);
    expect([...nodesOf(first.body), ...nodesOf(second.body)]).toEqual(['node-a', 'node-b', 'node-c']);
    expect((second.body as PageBody<DaemonSetPodView>).nextCursor).toBeNull();
  });

  it('answers an unknown DaemonSet with 404 and bad filters with 422', async () => {
    const missing = await api.get('/v1/daemonsets/ops/nope', api.tokens.viewer);
    const missingNodes = await api.get('/v1/daemonsets/ops/nope/nodes', api.tokens.viewer);
    const badFilter = await api.get('/v1/daemonsets/ops/log-collector/nodes?upToDate=sometimes', api.tokens.viewer);

    expect(missing.status).toBe(404);
    expect((missing.body as Problem).type).toBe('urn:rollcall:problem:daemonset-not-found');
    expect(missingNodes.status).toBe(404);
    expect(badFilter.status).toBe(422);
    expect(fieldsOf(badFilter.body)).toEqual(['upToDate']);
  });
});
