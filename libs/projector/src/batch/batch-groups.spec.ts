import { BatchGroups } from './batch-groups.js';

const nextTurn = () => new Promise((resolve) => setImmediate(resolve));

describe('batch groups', () => {
  it('given items submitted in one turn, when applied, then they go together in one call', async () => {
    const calls: string[][] = [];
    const groups = new BatchGroups<string>(async (items) => void calls.push([...items]));

    await Promise.all([groups.submit('p0'), groups.submit('p1'), groups.submit('p2')]);

    expect(calls).toEqual([['p0', 'p1', 'p2']]);
  });

  it('given items submitted in separate turns, then each turn is its own group', async () => {
    const calls: string[][] = [];
    const groups = new BatchGroups<string>(async (items) => void calls.push([...items]));

    const first = groups.submit('p0');
    await nextTurn();
    await Promise.all([first, groups.submit('p1')]);

    expect(calls).toEqual([['p0'], ['p1']]);
  });

  it('given a group that fails because of one item, then every other item is applied alone and only that one fails', async () => {
    const applied: string[] = [];
    const groups = new BatchGroups<string>(async (items) => {
      if (items.includes('bad')) throw new Error('bad batch');
      applied.push(...items);
    });

    const outcomes = await Promise.allSettled([groups.submit('p0'), groups.submit('bad'), groups.submit('p2')]);

    expect(outcomes.map((outcome) => outcome.status)).toEqual(['fulfilled', 'rejected', 'fulfilled']);
    expect(applied).toEqual(['p0', 'p2']);
  });

  it('given a lone item that fails, then its submission rejects with the error', async () => {
    const groups = new BatchGroups<string>(async () => {
      throw new Error('database gone');
    });

    await expect(groups.submit('p0')).rejects.toThrow('database gone');
  });
});
