import type { KubeObject } from '../../store/cluster-store.port.js';
import { ObjectIndex } from './object-index.js';

const pod = (name: string, node: string, owner: string, version: string): KubeObject => ({
  apiVersion: 'v1',
  kind: 'Pod',
  metadata: { name, namespace: 'default', resourceVersion: version, ownerReferences: [{ uid: owner }] as never },
  spec: { nodeName: node },
});

const byNode = (object: KubeObject) => (object.spec as { nodeName?: string }).nodeName;
const byOwner = (object: KubeObject) => object.metadata.ownerReferences?.[0]?.uid;

describe('the simulator controllers’ object index', () => {
  const index = () => new ObjectIndex<KubeObject>({ byNode, byOwner, byNamespace: true });

  it('given an update that keeps the node and the owner, then its groups hold the new version', () => {
    const objects = index();
    objects.apply('ADDED', pod('a', 'node-1', 'ds-1', '1'));
    const updated = pod('a', 'node-1', 'ds-1', '2');
    objects.apply('MODIFIED', updated);
    expect(objects.onNode('node-1').get('default/a')).toBe(updated);
    expect(objects.ownedBy('ds-1').get('default/a')).toBe(updated);
    expect(objects.inNamespace('default').get('default/a')).toBe(updated);
    expect(objects.get('default', 'a')).toBe(updated);
  });

  it('given an update that moves the object to another node and owner, then it leaves the old groups', () => {
    const objects = index();
    objects.apply('ADDED', pod('a', 'node-1', 'ds-1', '1'));
    objects.apply('ADDED', pod('b', 'node-1', 'ds-1', '1'));
    objects.apply('MODIFIED', pod('a', 'node-2', 'ds-2', '2'));
    expect([...objects.onNode('node-1').keys()]).toEqual(['default/b']);
    expect([...objects.onNode('node-2').keys()]).toEqual(['default/a']);
    expect([...objects.ownedBy('ds-1').keys()]).toEqual(['default/b']);
    expect([...objects.ownedBy('ds-2').keys()]).toEqual(['default/a']);
  });

  it('given a deletion, then the object leaves every group and emptied groups are gone', () => {
    const objects = index();
    objects.apply('ADDED', pod('a', 'node-1', 'ds-1', '1'));
    objects.apply('DELETED', pod('a', 'node-1', 'ds-1', '2'));
    expect(objects.size).toBe(0);
    expect(objects.onNode('node-1').size).toBe(0);
    expect(objects.ownedBy('ds-1').size).toBe(0);
    expect(objects.inNamespace('default').size).toBe(0);
  });

  it('tells listeners the previous version', () => {
    const objects = index();
    const first = pod('a', 'node-1', 'ds-1', '1');
    const seen: (KubeObject | undefined)[] = [];
    objects.subscribe((_type, _object, previous) => seen.push(previous));
    objects.apply('ADDED', first);
    objects.apply('MODIFIED', pod('a', 'node-1', 'ds-1', '2'));
    expect(seen).toEqual([undefined, first]);
  });
});
