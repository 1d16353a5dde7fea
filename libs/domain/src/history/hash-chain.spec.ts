import { canonicalJson } from './canonical-json.js';
import { appendToChain, EMPTY_CHAIN_HEAD, GENESIS_HASH, hashEntry } from './hash-chain.js';
import { chainOf, content } from './testing/history-content.fixtures.js';
import { verifyChain } from './verify-chain.js';

describe('canonicalJson', () => {
  it('sorts keys at every depth and writes numbers the RFC 8785 way', () => {
    expect(canonicalJson({ b: 1, a: { d: 1e21, c: 0.5 } })).toBe('{"a":{"c":0.5,"d":1e+21},"b":1}');
  });

  it('refuses a value that has no JSON form', () => {
    expect(() => canonicalJson(undefined)).toThrow(TypeError);
  });
});

describe('appendToChain', () => {
  it('numbers rows from the head and links each to the previous hash', () => {
    const first = appendToChain(EMPTY_CHAIN_HEAD, 'topic/0', [content('e1'), content('e2')]);
    const more = appendToChain(first.head, 'topic/0', [content('e3')]);

    expect(first.entries.map((entry) => [entry.seq, entry.chain])).toEqual([
      [1, 'topic/0'],
      [2, 'topic/0'],
    ]);
    expect(first.entries[0].prevHash).toBe(GENESIS_HASH);
    expect(first.entries[1].prevHash).toBe(first.entries[0].hash);
    expect(more.entries[0]).toMatchObject({ seq: 3, prevHash: first.entries[1].hash });
    expect(more.head).toEqual({ seq: 3, hash: more.entries[0].hash });
  });

  it('gives the same hash whatever the key order of the data', () => {
    const [left] = appendToChain(EMPTY_CHAIN_HEAD, 'c', [content('e', { a: 1, b: [1, 2] })]).entries;
    const [right] = appendToChain(EMPTY_CHAIN_HEAD, 'c', [content('e', { b: [1, 2], a: 1 })]).entries;
    expect(left.hash).toBe(right.hash);
    expect(left.hash).toMatch(/^[0-9a-f]{64}$/);
  });
});

describe('verifyChain', () => {
  it('accepts an intact chain and returns its head', () => {
    const rows = chainOf(4);
    expect(verifyChain(rows, { expectedHead: { seq: 4, hash: rows[3].hash } })).toEqual({
      ok: true,
      verified: 4,
      head: { seq: 4, hash: rows[3].hash },
    });
  });

  it('reports a changed row', () => {
    const rows = chainOf(4);
    rows[2] = { ...rows[2], data: { n: 'forged' } };
    expect(verifyChain(rows)).toEqual({ ok: false, verified: 2, seq: 3, reason: 'changed' });
  });

  it('reports a removed row', () => {
    const rows = chainOf(4);
    rows.splice(1, 1);
    expect(verifyChain(rows)).toEqual({ ok: false, verified: 1, seq: 3, reason: 'missing' });
  });

  it('reports reordered rows', () => {
    const rows = chainOf(4);
    [rows[1], rows[2]] = [rows[2], rows[1]];
    expect(verifyChain(rows)).toMatchObject({ ok: false, seq: 3, reason: 'missing' });
    expect(verifyChain([rows[0], rows[2], rows[2]])).toMatchObject({ ok: false, verified: 2, reason: 'reordered' });
  });

  it('catches a chain rewritten after a removed row only against the recorded head', () => {
    const rows = chainOf(3);
    const renumbered = { ...rows[2], seq: 2, prevHash: rows[0].hash };
    const rewritten = [rows[0], { ...renumbered, hash: hashEntry(renumbered.prevHash, renumbered) }];
    expect(verifyChain(rewritten)).toMatchObject({ ok: true });
    expect(verifyChain(rewritten, { expectedHead: { seq: 3, hash: rows[2].hash } })).toMatchObject({
      ok: false,
      reason: 'truncated',
    });
  });

  it('reports the last rows missing when the recorded head is given', () => {
    const rows = chainOf(3);
    const head = { seq: 3, hash: rows[2].hash };
    expect(verifyChain(rows.slice(0, 2), { expectedHead: head })).toEqual({
      ok: false,
      verified: 2,
      seq: 3,
      reason: 'truncated',
    });
  });

  it('verifies a slice from a given link', () => {
    const rows = chainOf(4);
    expect(verifyChain(rows.slice(2), { from: { seq: 2, hash: rows[1].hash } })).toMatchObject({ ok: true });
    expect(verifyChain(rows.slice(2), { from: { seq: 2, hash: rows[0].hash } })).toMatchObject({
      ok: false,
      reason: 'broken-link',
    });
  });
});
