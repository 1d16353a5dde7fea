import { requestingActor } from './requesting-actor.js';

describe('requestingActor', () => {
  it('names a person by the token name, not by the token, so two tokens of one person are one approver', () => {
    const asOperator = requestingActor({ tokenId: 'a1', name: 'alice', roles: ['operator'] });
    const asApprover = requestingActor({ tokenId: 'b2', name: 'alice', roles: ['approver'] });

    expect(asOperator).toEqual({ kind: 'user', id: 'alice', displayName: 'alice' });
    expect(asApprover.id).toBe(asOperator.id);
  });

  it('records a token whose name starts with "bot:" as a bot', () => {
    expect(requestingActor({ tokenId: 'c3', name: 'bot:chatops', roles: ['approver'] })).toEqual({
      kind: 'bot',
      id: 'bot:chatops',
      displayName: 'bot:chatops',
    });
    expect(requestingActor({ tokenId: 'd4', name: 'robot', roles: ['viewer'] }).kind).toBe('user');
  });
});
