/**
 * Whether `value` is already what JSON.parse(JSON.stringify(value)) would give back: only plain
 * objects, arrays, strings, finite numbers, booleans and null. Anything JSON would drop or change
 * (undefined, a Date, NaN, a function) makes it false.
 *
 * `plainBefore`, when given, is a value known to be plain (the stored version a change was built
 * from): objects and arrays of `value` that are the very ones at the same place in it are not walked
 * again, so checking a change costs what the change touched, not the whole object.
 */
export function isPlainJson(value: unknown, plainBefore?: unknown): boolean {
  switch (typeof value) {
    case 'string':
    case 'boolean':
      return true;
    case 'number':
      return Number.isFinite(value);
    case 'object': {
      if (value === null || value === plainBefore) return true;
      const before = typeof plainBefore === 'object' && plainBefore !== null ? plainBefore : undefined;
      if (Array.isArray(value)) {
        const items: readonly unknown[] | undefined = Array.isArray(before) ? before : undefined;
        return value.every((item, index) => isPlainJson(item, items?.[index]));
      }
      if (Object.getPrototypeOf(value) !== Object.prototype) return false;
      const members = before as Record<string, unknown> | undefined;
      for (const key of Object.keys(value)) {
        if (!isPlainJson((value as Record<string, unknown>)[key], members?.[key])) return false;
      }
      return true;
    }
    default:
      return false;
  }
}
