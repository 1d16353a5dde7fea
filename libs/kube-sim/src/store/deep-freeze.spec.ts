import { deepFreeze } from './deep-freeze.js';

describe('deepFreeze', () => {
  it('given a nested object, when anything inside is changed, then it throws and nothing changes', () => {
    const pod = deepFreeze({ metadata: { labels: { app: 'agent' } }, spec: { containers: [{ image: 'a:1' }] } });

    expect(() => (pod.metadata.labels.app = 'other')).toThrow(TypeError);
    expect(() => pod.spec.containers.push({ image: 'b:1' })).toThrow(TypeError);
    expect(pod).toEqual({ metadata: { labels: { app: 'agent' } }, spec: { containers: [{ image: 'a:1' }] } });
  });
});
