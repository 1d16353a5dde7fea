import { fieldErrorsFrom } from '#rollcall/http';
import { historyQuerySchema } from './history.query.js';

const fieldsRefused = (query: Record<string, string>): string[] => {
  const parsed = historyQuerySchema.safeParse(query);
  return parsed.success ? [] : fieldErrorsFrom(parsed.error.issues).map((error) => error.field);
};

describe('historyQuerySchema', () => {
  it('parses filters, a type list, a time range and defaults', () => {
    const parsed = historyQuerySchema.parse({
      node: 'node-a',
      type: 'PodObserved, PodDeleted',
      from: '2025-01-01T00:00:00Z',
      to: '2025-01-01T02:00:00+01:00',
    });

    expect(parsed).toEqual({
      node: 'node-a',
      type: ['PodObserved', 'PodDeleted'],
      from: new Date('2025-01-01T00:00:00Z'),
      to: new Date('2025-01-01T01:00:00Z'),
      order: 'asc',
      limit: 100,
    });
  });

  it.each([
    [{ from: 'yesterday' }, ['from']],
    [{ to: '2025-01-01T00:00:00' }, ['to']],
    [{ type: 'PodObserved,Teleported' }, ['type.1']],
    [{ order: 'sideways' }, ['order']],
    [{ limit: '0' }, ['limit']],
    [{ limit: '1001' }, ['limit']],
    [{ node: 'Node_A' }, ['node']],
    [{ colour: 'blue' }, ['(root)']],
    [{ from: '2025-01-02T00:00:00Z', to: '2025-01-01T00:00:00Z' }, ['to']],
  ])('refuses %p naming %p', (query, fields) => {
    expect(fieldsRefused(query)).toEqual(fields);
  });
});
