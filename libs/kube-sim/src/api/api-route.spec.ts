import { parseResourcePath } from './api-route.js';

const describeRoute = (path: string) => {
  const route = parseResourcePath(path);
  return (
    route && {
      resource: route.info.resource,
      namespace: route.namespace,
      name: route.name,
      subresource: route.subresource,
    }
  );
};

describe('resource paths', () => {
  it('resolves namespaced, cluster-wide and subresource paths', () => {
    expect(describeRoute('/api/v1/namespaces/ops/pods')).toEqual({ resource: 'pods', namespace: 'ops' });
    expect(describeRoute('/api/v1/pods')).toEqual({ resource: 'pods' });
    expect(describeRoute('/api/v1/namespaces/ops/pods/p1/eviction')).toEqual({
      resource: 'pods',
      namespace: 'ops',
      name: 'p1',
      subresource: 'eviction',
    });
    expect(describeRoute('/apis/apps/v1/namespaces/ops/daemonsets/ds/status')).toMatchObject({
      resource: 'daemonsets',
      subresource: 'status',
    });
    expect(describeRoute('/api/v1/namespaces/ops')).toEqual({ resource: 'namespaces', name: 'ops' });
    expect(describeRoute('/api/v1/nodes/n1/status')).toEqual({ resource: 'nodes', name: 'n1', subresource: 'status' });
    expect(describeRoute('/apis/coordination.k8s.io/v1/namespaces/ops/leases/l')).toMatchObject({
      resource: 'leases',
      name: 'l',
    });
  });

  it('rejects resources under the wrong group or scope', () => {
    expect(parseResourcePath('/apis/apps/v1/namespaces/ops/pods')).toBeUndefined();
    expect(parseResourcePath('/api/v1/daemonsets')).toBeUndefined();
    expect(parseResourcePath('/api/v1/pods/p1')).toBeUndefined();
    expect(parseResourcePath('/apis/apps/v2/daemonsets')).toBeUndefined();
  });
});
