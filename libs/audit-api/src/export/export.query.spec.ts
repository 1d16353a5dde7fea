import { fieldErrorsFrom } from '#rollcall/http';
import { exportQuerySchema } from './export.query.js';

const fieldsRefused = (query: Record<string, string>): string[] => {
  const parsed = exportQuerySchema.safeParse(query);
  return parsed.success ? [] : fieldErrorsFrom(parsed.error.issues).map((error) => error.field);
};

const range = { from: '2025-01-01T00:00:00Z', to: '2025-01-02T00:00:00Z' };

describe('exportQuerySchema', () => {
  it('parses the range, the format and the filters', () => {
    expect(exportQuerySchema.parse({ ...range, node: 'node-a', type: 'PodObserved,PodDeleted' })).toEqual({
      from: new Date(range.from),
      to: new Date(range.to),
      format: 'ndjson',
      node: 'node-a',
      type: ['PodObserved', 'PodDeleted'],
    });
    expect(exportQuerySchema.parse({ ...range, format: 'csv' }).format).toBe('csv');
  });

  it.each([
    [{ to: range.to }, ['from']],
    [{ from: range.from }, ['to']],
    [{ ...range, to: range.from }, ['to']],
    [{ ...range, to: '2025-02-01T00:00:01Z' }, ['to']],
    [{ ...range, format: 'xml' }, ['format']],
    [{ ...range, type: 'Teleported' }, ['type.0']],
    [{ ...range, limit: '5' }, ['(root)']],
  ])('refuses %p naming %p', (query, fields) => {
    expect(fieldsRefused(query)).toEqual(fields);
  });

  it('allows exactly the maximum range', () => {
    expect(fieldsRefused({ from: range.from, to: '2025-02-01T00:00:00Z' })).toEqual([]);
  });
});
