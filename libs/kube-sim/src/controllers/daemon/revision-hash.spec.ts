import type { PodTemplateWire } from '../kube-wire.types.js';
import { computeTemplateHash } from './revision-hash.js';

const template = (image: string): PodTemplateWire => ({
  metadata: { labels: { app: 'log-collector' } },
  spec: { containers: [{ name: 'collector', image }] },
});

describe('controller revision hash', () => {
  it('given the same template, when hashed twice, then the hash is stable', () => {
    expect(computeTemplateHash(template('busybox:1.36'))).toBe(computeTemplateHash(template('busybox:1.36')));
  });

  it('given templates with fields in another order, when hashed, then the hashes match', () => {
    const reordered: PodTemplateWire = {
      spec: { containers: [{ image: 'busybox:1.36', name: 'collector' }] },
      metadata: { labels: { app: 'log-collector' } },
    };
    expect(computeTemplateHash(reordered)).toBe(computeTemplateHash(template('busybox:1.36')));
  });

  it('given another image, when hashed, then the hash differs', () => {
    expect(computeTemplateHash(template('busybox:1.37'))).not.toBe(computeTemplateHash(template('busybox:1.36')));
  });

  it('given a collision count, when hashed, then the hash changes', () => {
    expect(computeTemplateHash(template('a'), 1)).not.toBe(computeTemplateHash(template('a'), 0));
  });

  it('given any template, when hashed, then the hash uses only the safe alphabet', () => {
    expect(computeTemplateHash(template('busybox:1.36'))).toMatch(/^[bcdfghjklmnpqrstvwxz2456789]{1,10}$/);
  });
});
