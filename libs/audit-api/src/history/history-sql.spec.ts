import { historyPageSql } from './history-sql.js';

describe('historyPageSql', () => {
  it('binds every filter as a parameter and orders by the cursor key', () => {
    const from = new Date('2025-01-01T00:00:00Z');
    const { text, values } = historyPageSql(
      { node: 'node-a', type: ['PodObserved'], actor: "o'brien", from },
      'asc',
      undefined,
      51,
    );

    expect(text).toContain('where node = $1 and type = any($2::text[]) and actor_id = $3 and occurred_at >= $4');
    expect(text).toMatch(/order by occurred_at asc, event_id asc, chain asc, seq asc limit \$5$/);
    expect(text).not.toContain("o'brien");
    expect(values).toEqual(['node-a', ['PodObserved'], "o'brien", from, 51]);
  });

  it('continues strictly after the cursor key, backwards in desc order', () => {
    const after = { order: 'desc' as const, occurredUs: '1735689600000000', eventId: 'e-1', chain: 'c/0', seq: '7' };

    const { text, values } = historyPageSql({}, 'desc', after, 10);

    expect(text).toContain(
      "where (occurred_at, event_id, chain, seq) < ((timestamptz 'epoch' + $1::bigint * interval '1 microsecond'), $2, $3, $4::bigint)",
    );
    expect(text).toContain('order by occurred_at desc, event_id desc, chain desc, seq desc');
    expect(values).toEqual(['1735689600000000', 'e-1', 'c/0', '7', 10]);
  });

  it('has no where clause without filters', () => {
    expect(historyPageSql({}, 'asc', undefined, 5).text).not.toContain('where');
  });
});
