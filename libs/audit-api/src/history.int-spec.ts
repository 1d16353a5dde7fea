import { jest } from '@jest/globals';
import { hashEntry } from '#rollcall/domain';
import type { HistoryEntryView } from './history/history-entry.view.js';
import type { NodeAtTimeView } from './node-at-time/node-at-time.view.js';
import { auditApiOverClusterHistory } from './testing/audit-api.test-app.js';
import { at, CLUSTER_HISTORY } from './testing/cluster-history.scenario.js';
import { fieldsOf, type PageBody, type Problem } from './testing/problem.js';

jest.setTimeout(60_000);

const api = auditApiOverClusterHistory();

const entries = (body: unknown) => (body as PageBody<HistoryEntryView>).items;

async function allPages(query: string, limit: number): Promise<{ ids: string[]; pages: number }> {
  const ids: string[] = [];
  let cursor: string | null = null;
  let pages = 0;
  do {
    const page = await api.get(
      `/v1/history?${query}&limit=${limit}${cursor ? `&cursor=${cursor}` : ''}`,
      api.tokens.auditor,
    );
    ids.push(...entries(page.body).map((entry) => entry.id));
    cursor = (page.body as PageBody<HistoryEntryView>).nextCursor;
    pages += 1;
  } while (cursor !== null && pages < 50);
  return { ids, pages };
}

describe('GET /v1/nodes/{node}/daemonsets?at=', () => {
  const podsAt = async (second: number) => {
    const answer = await api.get(`/v1/nodes/node-a/daemonsets?at=${at(second)}`, api.tokens.auditor);
    expect(answer.status).toBe(200);
    return answer.body as NodeAtTimeView;
  };

  it('tells which revision ran on a node before, between and after two revision changes', async () => {
    const before = await podsAt(5);
    const onFirst = await podsAt(17);
    const inTheGap = await podsAt(20);
    const onSecond = await podsAt(27);
    const onThird = await podsAt(40);

    expect(before.daemonSetPods).toEqual([]);
    expect(before.nodeState).toMatchObject({ present: true, ready: true, observedAt: at(1) });
    expect(onFirst.daemonSetPods).toEqual([
      expect.objectContaining({
        daemonSet: 'log-collector',
        pod: { name: 'log-collector-pod-a1', uid: 'pod-a1' },
        revisionHash: 'aaa',
        images: ['fluentd:aaa'],
        restarts: 1,
        since: at(10),
        observedAt: at(15),
      }),
    ]);
    expect(inTheGap.daemonSetPods).toEqual([]);
    expect(onSecond.daemonSetPods).toEqual([
      expect.objectContaining({ pod: expect.objectContaining({ uid: 'pod-a2' }), revisionHash: 'bbb', since: at(21) }),
    ]);
    expect(onThird.daemonSetPods).toEqual([
      expect.objectContaining({ revisionHash: 'ccc', images: ['fluentd:ccc'], since: at(31) }),
    ]);
  });

  it('shows a node that had left as not present, and one not yet observed as null', async () => {
    const gone = await api.get(`/v1/nodes/node-e/daemonsets?at=${at(60)}`, api.tokens.admin);
    const notYet = await api.get(`/v1/nodes/node-e/daemonsets?at=${at(0)}`, api.tokens.auditor);

    expect(gone.body).toMatchObject({ node: 'node-e', nodeState: { present: false }, daemonSetPods: [] });
    expect((notYet.body as NodeAtTimeView).nodeState).toBeNull();
  });

  it('needs the auditor role, knows only observed nodes and wants an RFC 3339 time', async () => {
    const viewer = await api.get(`/v1/nodes/node-a/daemonsets?at=${at(10)}`, api.tokens.viewer);
    const unknown = await api.get(`/v1/nodes/node-z/daemonsets?at=${at(10)}`, api.tokens.auditor);
    const noTime = await api.get('/v1/nodes/node-a/daemonsets', api.tokens.auditor);
    const localTime = await api.get('/v1/nodes/node-a/daemonsets?at=2025-01-01T00:00:10', api.tokens.auditor);

    expect(viewer.status).toBe(403);
    expect((viewer.body as Problem).type).toBe('urn:rollcall:problem:forbidden');
    expect(unknown.status).toBe(404);
    expect((unknown.body as Problem).type).toBe('urn:rollcall:problem:node-not-found');
    expect([noTime.status, localTime.status]).toEqual([422, 422]);
    expect(fieldsOf(noTime.body)).toEqual(['at']);
    expect(fieldsOf(localTime.body)).toEqual(['at']);
  });
});

describe('GET /v1/history', () => {
  it('pages through every entry in (occurredAt, id) order without duplicates or gaps, both ways', async () => {
    const everything = await api.get('/v1/history?limit=1000', api.tokens.auditor);
    const all = entries(everything.body);
    const ascending = await allPages('order=asc', 3);
    const descending = await allPages('order=desc', 4);

    expect(all).toHaveLength(CLUSTER_HISTORY.length);
    expect(all.map((entry) => entry.occurredAt)).toEqual(all.map((entry) => entry.occurredAt).sort());
    expect(ascending.ids).toEqual(all.map((entry) => entry.id));
    expect(ascending.pages).toBe(Math.ceil(CLUSTER_HISTORY.length / 3));
    expect(descending.ids).toEqual(all.map((entry) => entry.id).reverse());
  });

  it('shows the chain links, so an auditor can recompute every hash and follow prevHash', async () => {
    const all = entries((await api.get('/v1/history?limit=1000', api.tokens.auditor)).body);
    const bySeq = [...all].sort((left, right) => left.seq - right.seq);

    for (const entry of all) expect(hashEntry(entry.prevHash, { ...entry, eventId: entry.id })).toBe(entry.hash);
    for (let index = 1; index < bySeq.length; index += 1) expect(bySeq[index].prevHash).toBe(bySeq[index - 1].hash);
  });

  it('filters by node, type, time range, DaemonSet, actor and rollout', async () => {
    const query = (filter: string) => api.get(`/v1/history?${filter}`, api.tokens.auditor);
    const deletions = await query('node=node-a&type=PodDeleted');
    const podTypes = await query(
      'node=node-a&type=PodObserved,PodDeleted&from=2025-01-01T00:00:15Z&to=2025-01-01T00:00:25Z',
    );
    const revisions = await query('namespace=ops&daemonset=log-collector&type=ControllerRevisionObserved');
    const byAlice = await query('actor=alice');
    const byRollout = await query('rollout=r1');

    expect(entries(deletions.body).map((entry) => entry.data)).toEqual([
      expect.objectContaining({ uid: 'pod-a1' }),
      expect.objectContaining({ uid: 'pod-a2' }),
    ]);
    expect(entries(podTypes.body).map((entry) => [entry.type, entry.occurredAt])).toEqual([
      ['PodObserved', at(15)],
      ['PodDeleted', at(20)],
      ['PodObserved', at(21)],
    ]);
    expect(entries(revisions.body)).toHaveLength(3);
    expect(entries(byAlice.body)).toEqual([
      expect.objectContaining({ type: 'RolloutRequested', actor: { kind: 'user', id: 'alice', displayName: 'Alice' } }),
    ]);
    expect(entries(byRollout.body).map((entry) => entry.rolloutId)).toEqual(['r1']);
  });

  it('is for auditors and admins only', async () => {
    const statuses = await Promise.all(
      (['viewer', 'operator', 'approver', 'auditor', 'admin'] as const).map(
        async (role) => (await api.get('/v1/history?limit=1', api.tokens[role])).status,
      ),
    );
    const anonymous = await api.get('/v1/history');

    expect(statuses).toEqual([403, 403, 403, 200, 200]);
    expect(anonymous.status).toBe(401);
    expect(anonymous.headers.get('www-authenticate')).toMatch(/^Bearer/);
  });

  it('answers bad input with 422 problem details naming the field', async () => {
    const ascCursor = (await api.get('/v1/history?limit=1', api.tokens.auditor)).body as PageBody<HistoryEntryView>;
    const cases: Record<string, string> = {
      from: 'from=last-tuesday',
      'type.0': 'type=Teleported',
      order: 'order=random',
      limit: 'limit=5000',
      cursor: `order=desc&cursor=${ascCursor.nextCursor}`,
      to: 'from=2025-01-02T00:00:00Z&to=2025-01-01T00:00:00Z',
    };
    for (const [field, query] of Object.entries(cases)) {
      const refused = await api.get(`/v1/history?${query}`, api.tokens.auditor);

      expect({ query, status: refused.status, fields: fieldsOf(refused.body) }).toEqual({
        query,
        status: 422,
        fields: [field],
      });
      expect(refused.headers.get('content-type')).toMatch(/^application\/problem\+json/);
    }
  });
});

describe('/openapi.json', () => {
  it('documents every audit route with bearer security and problem responses', async () => {
    const { body } = await api.get('/openapi.json');
    const paths = (
      body as { paths: Record<string, { get: { security?: unknown; responses: object; summary?: string } }> }
    ).paths;
    const routes = [
      '/v1/nodes',
      '/v1/nodes/{node}',
      '/v1/nodes/{node}/daemonsets',
      '/v1/daemonsets',
      '/v1/daemonsets/{namespace}/{name}',
      '/v1/daemonsets/{namespace}/{name}/nodes',
      '/v1/history',
    ];

    for (const route of routes) {
      expect(paths[route].get.security).toEqual([{ bearer: [] }]);
      expect(paths[route].get.summary).toEqual(expect.any(String));
      expect(Object.keys(paths[route].get.responses)).toEqual(expect.arrayContaining(['200', '401', '403', '422']));
    }
    expect(Object.keys(paths['/v1/daemonsets/{namespace}/{name}'].get.responses)).toContain('404');
  });
});
