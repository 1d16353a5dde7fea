import type { KubeObject } from './cluster-store.port.js';
import { matchesFields, parseFieldSelector } from './field-selector.js';
import { RESOURCE_CATALOG } from './resource-catalog.js';

const pod = (nodeName: string | undefined, phase: string): KubeObject => ({
  apiVersion: 'v1',
  kind: 'Pod',
  metadata: { name: 'agent-1', namespace: 'ops' },
  spec: { nodeName },
  status: { phase },
});

describe('field selector', () => {
  const pods = RESOURCE_CATALOG.pods;

  it('matches the fields the pod registry supports', () => {
    const selector = parseFieldSelector('spec.nodeName=n1,status.phase!=Failed', pods);
    expect(matchesFields(selector, pod('n1', 'Running'))).toBe(true);
    expect(matchesFields(selector, pod('n2', 'Running'))).toBe(false);
    expect(matchesFields(selector, pod('n1', 'Failed'))).toBe(false);
  });

  it('treats a missing field as the empty string (unscheduled pods)', () => {
    expect(matchesFields(parseFieldSelector('spec.nodeName=', pods), pod(undefined, 'Pending'))).toBe(true);
    expect(matchesFields(parseFieldSelector('spec.nodeName!=', pods), pod(undefined, 'Pending'))).toBe(false);
  });

  it('supports metadata fields on every resource and escaped commas', () => {
    const selector = parseFieldSelector('metadata.name==a\\,b,metadata.namespace=ops', RESOURCE_CATALOG.daemonsets);
    expect(selector).toEqual([
      { field: 'metadata.name', operator: '=', value: 'a,b' },
      { field: 'metadata.namespace', operator: '=', value: 'ops' },
    ]);
  });

  it('rejects fields the resource does not support, like the API server', () => {
    expect(() => parseFieldSelector('spec.nodeName=n1', RESOURCE_CATALOG.daemonsets)).toThrow(
      'field label not supported: spec.nodeName',
    );
    expect(() => parseFieldSelector('nonsense', pods)).toThrow(/invalid field selector/);
  });
});
