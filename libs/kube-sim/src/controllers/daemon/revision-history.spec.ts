import { planRevisions, type KnownRevision } from './revision-history.js';

const revision = (hash: string, number: number): KnownRevision => ({ name: `ds-${hash}`, hash, revision: number });

describe('revision history', () => {
  it('given no revisions, when a template appears, then revision 1 is created', () => {
    expect(planRevisions('aaa', [], new Set())).toEqual({ current: { kind: 'create', revision: 1 }, prune: [] });
  });

  it('given the newest revision has the hash, when planned, then it is kept', () => {
    const plan = planRevisions('bbb', [revision('aaa', 1), revision('bbb', 2)], new Set());
    expect(plan.current).toEqual({ kind: 'keep', name: 'ds-bbb' });
  });

  it('given a rollback to an old template, when planned, then the old revision moves to max+1 with its hash', () => {
    const plan = planRevisions('aaa', [revision('aaa', 1), revision('bbb', 2)], new Set());
    expect(plan.current).toEqual({ kind: 'bump', name: 'ds-aaa', revision: 3 });
  });

  it('given a new template, when planned, then it gets max+1', () => {
    const plan = planRevisions('ccc', [revision('aaa', 1), revision('bbb', 4)], new Set());
    expect(plan.current).toEqual({ kind: 'create', revision: 5 });
  });

  it('given more old revisions than the limit, when planned, then the oldest unused ones are pruned', () => {
    const existing = [revision('r1', 1), revision('r2', 2), revision('r3', 3), revision('r4', 4)];
    const plan = planRevisions('r5', existing, new Set(['r1']), 2);
    expect(plan.prune).toEqual(['ds-r2', 'ds-r3']);
  });
});
