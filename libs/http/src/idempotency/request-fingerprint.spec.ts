import { HttpConventionException } from '../http.exception.js';
import { requestFingerprint } from './request-fingerprint.js';

describe('requestFingerprint', () => {
  it('reads a request without a body as a null body', () => {
    expect(requestFingerprint('POST', '/v1/x', undefined)).toEqual(requestFingerprint('POST', '/v1/x', null));
    expect(requestFingerprint('POST', '/v1/x', undefined)).not.toEqual(requestFingerprint('POST', '/v1/x', {}));
  });

  it('drops undefined fields, as the body JSON never has them', () => {
    expect(requestFingerprint('POST', '/v1/x', { a: 1, b: undefined })).toEqual(
      requestFingerprint('POST', '/v1/x', { a: 1 }),
    );
  });

  it.each([
    ['a lone surrogate', { name: 'bad \ud800' }],
    ['a lone surrogate in a key', { ['\udc00']: 1 }],
    ['NaN', { count: Number.NaN }],
  ])('refuses a body with %s as a 422 validation problem, not a crash', (_, body) => {
    let thrown: unknown;
    try {
      requestFingerprint('POST', '/v1/x', body);
    } catch (error) {
      thrown = error;
    }

    expect(thrown).toBeInstanceOf(HttpConventionException);
    expect(thrown).toMatchObject({ spec: { status: 422 } });
  });
});
