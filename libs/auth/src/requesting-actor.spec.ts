import { requestingActor } from './requesting-actor.js';

describe('requestingActor', () => {
  it('names a person by the token name, not by the token, so two tokens of one person are one approver', () => {
    const asOperator = requestingActor({ tokenId: 'a1', name: 'alice' });
    const asApprover = requestingActor({ tokenId: 'b2', name: 'alice' });

    expect(asOperator).toEqual({ kind: 'user', id: 'alice', displayName: 'alice' });
    expect(asApprover.id).toBe(asOperator.id);
  });

  it('records a token whose name starts with "bot:" as a bot', () => {
    expect(requestingActor({ tokenId: 'c3', name: 'bot:chatops' })).toEqual({
      kind: 'bot',
      id: 'bot:chatops',
      displayName: 'bot:chatops',
    });
    expect(requestingActor({ tokenId: 'd4', name: 'robot' }).kind).toBe('user');
  });
});

describe('requestingActor for Rollcall itself', () => {
  it('records the bootstrap as the system', () => {
    expect(requestingActor({ tokenId: 'system', name: 'rollcall bootstrap' }).kind).toBe('system');
  });
});
