import { applyMergePatch } from './merge-patch.js';
import type { JsonValue } from './json-value.js';
import { applyStrategicMergePatch } from './strategic-merge-patch.js';

const template = {
  spec: {
    template: {
      metadata: { labels: { app: 'log' } },
      spec: {
        containers: [
          { name: 'fluentd', image: 'fluentd:1', env: [{ name: 'A', value: '1' }], ports: [{ containerPort: 80 }] },
          { name: 'sidecar', image: 'busybox:1' },
        ],
        tolerations: [{ key: 'a', operator: 'Exists' }],
      },
    },
  },
};

describe('JSON merge patch (RFC 7386)', () => {
  it('merges objects, removes nulls and replaces lists', () => {
    expect(applyMergePatch({ a: { b: 1, c: 2 }, l: [1, 2] }, { a: { b: null, d: 3 }, l: [3] })).toEqual({
      a: { c: 2, d: 3 },
      l: [3],
    });
  });
});

type Template = typeof template;
const smp = (target: unknown, patch: unknown): Template =>
  applyStrategicMergePatch(target as JsonValue, patch as JsonValue) as unknown as Template;

describe('strategic merge patch', () => {
  it('merges containers by name, like kubectl set image', () => {
    const patched = smp(template, {
      spec: { template: { spec: { containers: [{ name: 'sidecar', image: 'busybox:2' }] } } },
    });
    expect(patched).toMatchObject({
      spec: {
        template: {
          spec: {
            containers: [
              { name: 'fluentd', image: 'fluentd:1' },
              { name: 'sidecar', image: 'busybox:2' },
            ],
          },
        },
      },
    });
  });

  it('merges env by name and ports by containerPort, and replaces tolerations', () => {
    const patched = smp(template, {
      spec: {
        template: {
          spec: {
            containers: [
              { name: 'fluentd', env: [{ name: 'B', value: '2' }], ports: [{ containerPort: 80, name: 'http' }] },
            ],
            tolerations: [{ key: 'b', operator: 'Exists' }],
          },
        },
      },
    });
    const spec = patched.spec.template.spec;
    expect(spec.containers[0].env).toEqual([
      { name: 'A', value: '1' },
      { name: 'B', value: '2' },
    ]);
    expect(spec.containers[0].ports).toEqual([{ containerPort: 80, name: 'http' }]);
    expect(spec.tolerations).toEqual([{ key: 'b', operator: 'Exists' }]);
  });

  it('honours $patch delete, $patch replace, $setElementOrder and $retainKeys', () => {
    const deleted = smp(template, {
      spec: { template: { spec: { containers: [{ name: 'sidecar', $patch: 'delete' }] } } },
    });
    expect(deleted.spec.template.spec.containers.map((c) => c.name)).toEqual(['fluentd']);

    const replaced = smp(template, {
      spec: { template: { $patch: 'replace', spec: { containers: [{ name: 'only', image: 'x' }] } } },
    });
    expect(replaced).toEqual({ spec: { template: { spec: { containers: [{ name: 'only', image: 'x' }] } } } });

    const reordered = smp(template, {
      spec: { template: { spec: { '$setElementOrder/containers': [{ name: 'sidecar' }, { name: 'fluentd' }] } } },
    });
    expect(reordered.spec.template.spec.containers.map((c) => c.name)).toEqual(['sidecar', 'fluentd']);

    expect(smp({ a: 1, b: 2, c: 3 }, { $retainKeys: ['a', 'd'], d: 4 })).toEqual({ a: 1, d: 4 });
    expect(smp({ finalizers: ['a', 'b'] }, { '$deleteFromPrimitiveList/finalizers': ['a'] })).toEqual({
      finalizers: ['b'],
    });
  });

  it('removes fields set to null and replaces a list given $patch: replace items', () => {
    expect(smp({ a: 1, b: 2 }, { a: null })).toEqual({ b: 2 });
    const patched = smp(template, {
      spec: { template: { spec: { containers: [{ $patch: 'replace' }, { name: 'new', image: 'n' }] } } },
    });
    expect(patched.spec.template.spec.containers).toEqual([{ name: 'new', image: 'n' }]);
  });
});
