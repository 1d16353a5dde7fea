import { apiActionEnvelope, apiActionType } from './api-action.envelope.js';

describe('API actions as history events', () => {
  it('names them in past-tense PascalCase', () => {
    expect([apiActionType('token.created'), apiActionType('token.revoked')]).toEqual(['TokenCreated', 'TokenRevoked']);
  });

  it('keeps the actor, the subject and the details, with an id derived from the row', () => {
    const envelope = apiActionEnvelope(
      '42',
      {
        actor: { tokenId: 't-1', name: 'alice' },
        action: 'token.created',
        subject: 'token/t-2',
        details: { roles: ['viewer'] },
      },
      '2026-11-23T15:00:00.000Z',
    );

    expect(envelope).toMatchObject({
      id: 'api-action/42',
      type: 'TokenCreated',
      actor: { kind: 'user', id: 'alice' },
      data: { action: 'token.created', subject: 'token/t-2', tokenId: 't-1', roles: ['viewer'] },
    });
  });
});
