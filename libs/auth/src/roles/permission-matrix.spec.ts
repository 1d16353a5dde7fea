import { effectiveRoles, mayAct, permissionMatrix } from './permission-matrix.js';

describe('permission matrix', () => {
  it('lets admin act as every role', () => {
    expect([...effectiveRoles(['admin'])].sort()).toEqual(['admin', 'approver', 'auditor', 'operator', 'viewer']);
  });

  it('gives every role the viewer floor and nothing else beyond itself', () => {
    const matrix = permissionMatrix();

    expect([...(matrix.get('auditor') ?? [])].sort()).toEqual(['auditor', 'viewer']);
    expect([...(matrix.get('operator') ?? [])].sort()).toEqual(['operator', 'viewer']);
    expect([...(matrix.get('approver') ?? [])].sort()).toEqual(['approver', 'viewer']);
    expect([...(matrix.get('viewer') ?? [])]).toEqual(['viewer']);
  });

  it('keeps operating and approving apart, so one token cannot both request and approve', () => {
    expect(mayAct(['operator'], ['approver'])).toBe(false);
    expect(mayAct(['approver'], ['operator'])).toBe(false);
  });

  it('allows a route when any held role grants any allowed role', () => {
    expect(mayAct(['viewer'], ['admin'])).toBe(false);
    expect(mayAct(['viewer', 'auditor'], ['auditor'])).toBe(true);
    expect(mayAct(['admin'], ['approver'])).toBe(true);
    expect(mayAct(['viewer'], [])).toBe(true);
  });
});
