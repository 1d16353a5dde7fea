import { splitForTransactions } from './transaction-split.js';

const batch = (partition: number, messages: number) => ({ partition, messages: Array.from({ length: messages }) });
const partitionsOf = (groups: ReturnType<typeof batch>[][]) => groups.map((group) => group.map((b) => b.partition));
const sizesOf = (groups: ReturnType<typeof batch>[][]) =>
  groups.map((group) => group.reduce((total, b) => total + b.messages.length, 0));

describe('splitting a fetch into transactions', () => {
  it('given batches of several partitions, then each goes whole into one of two groups of about equal size', () => {
    const batches = [batch(0, 500), batch(1, 100), batch(2, 400), batch(3, 300), batch(4, 200)];

    const groups = splitForTransactions(batches, 2);

    expect(groups).toHaveLength(2);
    expect(partitionsOf(groups).flat().sort()).toEqual([0, 1, 2, 3, 4]);
    expect(sizesOf(groups)).toEqual([800, 700]);
  });

  it('given fewer batches than groups, then there is one group per batch and none is empty', () => {
    expect(partitionsOf(splitForTransactions([batch(7, 10)], 2))).toEqual([[7]]);
  });

  it('given one group asked for, then every batch is in it', () => {
    expect(sizesOf(splitForTransactions([batch(0, 5), batch(1, 6)], 1))).toEqual([11]);
  });
});
