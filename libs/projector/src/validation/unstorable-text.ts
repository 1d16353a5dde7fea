/** Text PostgreSQL refuses: U+0000 (text and jsonb) or a lone surrogate (jsonb rejects its `\udXXX` escape). */
export const isUnstorableText = (text: string): boolean => text.includes('\u0000') || !text.isWellFormed();

/**
 * The path of the first string (value or key) PostgreSQL cannot store, or null. Such an event
 * would fail its batch on every retry and stop its partition, so it is dead-lettered instead.
 */
export function unstorableTextPath(value: unknown, path = 'envelope'): string | null {
  if (typeof value === 'string') return isUnstorableText(value) ? path : null;
  if (typeof value !== 'object' || value === null) return null;
  if (Array.isArray(value)) {
    for (let index = 0; index < value.length; index++) {
      const found = unstorableTextPath(value[index], `${path}[${index}]`);
      if (found !== null) return found;
    }
    return null;
  }
  for (const [key, member] of Object.entries(value)) {
    if (isUnstorableText(key)) return `${path} (a key)`;
    const found = unstorableTextPath(member, `${path}.${key}`);
    if (found !== null) return found;
  }
  return null;
}

/** For the dead-letter table's text columns: what PostgreSQL would refuse becomes U+FFFD. */
export const storableText = (text: string): string => text.replaceAll('\u0000', '\uFFFD').toWellFormed();
