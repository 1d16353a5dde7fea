import { requestFingerprint } from './request-fingerprint.js';
import { openResponse, sealResponse } from './response-seal.js';

describe('response seal', () => {
  const body = { id: '1', token: 'rc_secret' };

  it('opens with the same credentials and key', () => {
    const sealed = sealResponse(body, 'Bearer rc_a', 'key-1');

    expect(sealed.toString('utf8')).not.toContain('rc_secret');
    expect(openResponse(sealed, 'Bearer rc_a', 'key-1')).toEqual(body);
  });

  it('does not open with other credentials', () => {
    const sealed = sealResponse(body, 'Bearer rc_a', 'key-1');

    expect(() => openResponse(sealed, 'Bearer rc_b', 'key-1')).toThrow();
  });
});

describe('requestFingerprint', () => {
  it('ignores key order but not values, method or URL', () => {
    const base = requestFingerprint('POST', '/v1/tokens', { name: 'a', roles: ['viewer'] });

    expect(requestFingerprint('POST', '/v1/tokens', { roles: ['viewer'], name: 'a' })).toEqual(base);
    expect(requestFingerprint('POST', '/v1/tokens', { name: 'b', roles: ['viewer'] })).not.toEqual(base);
    expect(requestFingerprint('POST', '/v1/other', { name: 'a', roles: ['viewer'] })).not.toEqual(base);
  });
});
