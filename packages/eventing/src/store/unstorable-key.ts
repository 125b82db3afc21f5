/**
 * The path of the first key that FerretDB (and MongoDB without special operators) cannot store:
 * one containing `.` or starting with `$`. Undefined when every key is storable.
 */
export function findUnstorableKey(value: unknown, path: string[] = []): string | undefined {
  if (Array.isArray(value)) {
    for (const [i, item] of value.entries()) {
      const found = findUnstorableKey(item, [...path, String(i)]);
      if (found) return found;
    }
    return undefined;
  }
  if (value === null || typeof value !== 'object') return undefined;
  for (const [key, item] of Object.entries(value)) {
    if (key.includes('.') || key.startsWith('$')) return [...path, JSON.stringify(key)].join('/');
    const found = findUnstorableKey(item, [...path, key]);
    if (found) return found;
  }
  return undefined;
}

/** Round-trips through JSON so the stored form is exactly what is published (no `undefined`, no classes). */
export function toPlainJson<T>(value: T): T {
  return JSON.parse(JSON.stringify(value)) as T;
}
