import { testEnvelope } from './testing/contract-fixtures.js';
import { assertPublishable, decodeEnvelope, encodeEnvelope } from './envelope.codec.js';

describe('envelope codec', () => {
  it('encodes the envelope as JSON with its routing fields at the top and decodes it back', () => {
    const envelope = { ...testEnvelope('c-1', { nested: [1, 'two'] }), actor: { kind: 'user' as const, id: 'bob' } };
    const encoded = encodeEnvelope(envelope);
    expect(JSON.parse(encoded)).toMatchObject({ id: 'c-1', type: 'ContractTestHappened', schemaVersion: 1 });
    expect(decodeEnvelope(Buffer.from(encoded))).toEqual({ ok: true, envelope });
  });

  it('keeps fields a newer producer added', () => {
    const value = JSON.stringify({ ...testEnvelope('c-2'), traceparent: '00-abc' });
    const decoded = decodeEnvelope(value);
    expect(decoded.ok && (decoded.envelope as unknown as Record<string, unknown>).traceparent).toBe('00-abc');
  });

  it.each([
    ['an empty value', null, /empty/],
    ['text that is not JSON', 'node-1 went away', /not JSON/],
    ['JSON without envelope fields', '{"id":"x"}', /not an envelope/],
    ['an envelope without data', JSON.stringify({ ...testEnvelope('c-3'), data: undefined }), /data is missing/],
    ['a non-integer schemaVersion', JSON.stringify({ ...testEnvelope('c-4'), schemaVersion: 1.5 }), /not an envelope/],
  ])('rejects %s with a reason', (_, value, reason) => {
    const decoded = decodeEnvelope(value);
    expect(decoded.ok).toBe(false);
    expect(!decoded.ok && decoded.reason).toMatch(reason);
  });

  it('refuses to publish what consumers could not decode', () => {
    expect(() => assertPublishable({ ...testEnvelope('c-5'), id: '' })).toThrow(/invalid envelope/);
    expect(() => assertPublishable(testEnvelope('c-6'))).not.toThrow();
  });
});
