/**
 * Whether `value` is already what JSON.parse(JSON.stringify(value)) would give back: only plain
 * objects, arrays, strings, finite numbers, booleans and null. Anything JSON would drop or change
 * (undefined, a Date, NaN, a function) makes it false.
 */
export function isPlainJson(value: unknown): boolean {
  switch (typeof value) {
    case 'string':
    case 'boolean':
      return true;
    case 'number':
      return Number.isFinite(value);
    case 'object': {
      if (value === null) return true;
      if (Array.isArray(value)) return value.every(isPlainJson);
      if (Object.getPrototypeOf(value) !== Object.prototype) return false;
      for (const member of Object.values(value)) if (!isPlainJson(member)) return false;
      return true;
    }
    default:
      return false;
  }
}
