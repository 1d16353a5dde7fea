import { exportPageSql } from './export-sql.js';

describe('exportPageSql', () => {
  const from = new Date('2025-01-01T00:00:00Z');
  const to = new Date('2025-01-02T00:00:00Z');

  it('binds the range and every filter and orders by chain and seq', () => {
    const { text, values } = exportPageSql({ from, to, node: 'node-a', type: ['PodObserved'] }, undefined, 500);

    expect(text).toContain('where occurred_at >= $1 and occurred_at < $2 and node = $3 and type = any($4::text[])');
    expect(text).toMatch(/order by chain asc, seq asc limit \$5$/);
    expect(values).toEqual([from, to, 'node-a', ['PodObserved'], 500]);
  });

  it('continues strictly after the last exported link', () => {
    const { text, values } = exportPageSql({ from, to }, { chain: "t'1/0", seq: '41' }, 10);

    expect(text).toContain('and (chain, seq) > ($3, $4::bigint)');
    expect(text).not.toContain("t'1/0");
    expect(values).toEqual([from, to, "t'1/0", '41', 10]);
  });
});
