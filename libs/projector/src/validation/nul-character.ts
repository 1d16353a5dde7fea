/**
 * The path of the first string (value or key) holding U+0000, or null. PostgreSQL's text and jsonb
 * refuse it, so such an event would fail its batch on every retry and stop its partition.
 */
export function nulCharacterPath(value: unknown, path = 'envelope'): string | null {
  if (typeof value === 'string') return value.includes('\u0000') ? path : null;
  if (typeof value !== 'object' || value === null) return null;
  if (Array.isArray(value)) {
    for (let index = 0; index < value.length; index++) {
      const found = nulCharacterPath(value[index], `${path}[${index}]`);
      if (found !== null) return found;
    }
    return null;
  }
  for (const [key, member] of Object.entries(value)) {
    if (key.includes('\u0000')) return `${path} (a key)`;
    const found = nulCharacterPath(member, `${path}.${key}`);
    if (found !== null) return found;
  }
  return null;
}
