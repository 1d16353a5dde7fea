import canonicalize from 'canonicalize';

/** RFC 8785 (JCS) form: the same value always yields the same bytes, whatever its key order. */
export function canonicalJson(value: unknown): string {
  const text = canonicalize(value);
  if (text === undefined) throw new TypeError('A value without a JSON form cannot be canonicalised');
  return text;
}
