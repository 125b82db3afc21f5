import { CustomAttributeLimitError } from './contact.errors';
import type { AttributeValue, OwnAttributes } from './contact.model';

export function sameValue(
  a: AttributeValue | null | undefined,
  b: AttributeValue | null | undefined,
): boolean {
  if (a === b) return true;
  if (typeof a === 'object' && typeof b === 'object' && a !== null && b !== null) {
    return a.date === b.date;
  }
  return false;
}

/** Keys with a value, own or imported, after own removals (null) hide imported ones. */
export function effectiveKeys(own: OwnAttributes, importedKeys: readonly string[]): Set<string> {
  const keys = new Set(importedKeys);
  for (const [key, value] of Object.entries(own)) {
    if (value === null) keys.delete(key);
    else keys.add(key);
  }
  return keys;
}

/**
 * The changes a `set-attributes` makes: values that differ from the contact's own, and removals of
 * keys it has (own or imported). Refuses a result above `limit` keys.
 */
export function attributeChanges(
  own: OwnAttributes,
  requested: Record<string, AttributeValue | null>,
  importedKeys: readonly string[],
  limit: number,
): OwnAttributes {
  const visible = effectiveKeys(own, importedKeys);
  const changes: OwnAttributes = {};
  for (const [key, value] of Object.entries(requested)) {
    const current = Object.hasOwn(own, key) ? own[key] : undefined;
    if (value === null) {
      if (visible.has(key)) changes[key] = null;
    } else if (!sameValue(current, value)) {
      changes[key] = value;
    }
  }
  const after = effectiveKeys({ ...own, ...changes }, importedKeys);
  if (after.size > limit && after.size > visible.size) {
    throw new CustomAttributeLimitError(limit, after.size);
  }
  return changes;
}
