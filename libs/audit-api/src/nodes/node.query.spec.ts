import { fieldErrorsFrom } from '#rollcall/http';
import { nodeListQuerySchema } from './node.query.js';

describe('nodeListQuerySchema', () => {
  it('reads the label selector and the boolean filters', () => {
    expect(nodeListQuerySchema.parse({ labelSelector: 'zone=a,!spot', ready: 'false', limit: '5' })).toEqual({
      limit: 5,
      labelSelector: { equal: { zone: 'a' }, notEqual: [], present: [], absent: ['spot'] },
      ready: false,
      includeDeleted: false,
    });
  });

  it.each([
    [{ ready: 'yes' }, 'ready'],
    [{ includeDeleted: '1' }, 'includeDeleted'],
    [{ labelSelector: 'zone in (a)' }, 'labelSelector'],
    [{ limit: '501' }, 'limit'],
  ])('refuses %p naming %s', (query, field) => {
    const parsed = nodeListQuerySchema.safeParse(query);

    expect(parsed.success).toBe(false);
    expect(parsed.success ? [] : fieldErrorsFrom(parsed.error.issues).map((error) => error.field)).toEqual([field]);
  });
});
