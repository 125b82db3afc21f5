import type { CustomAttributeValue } from './agent-types';

export type AttributeType = 'string' | 'number' | 'boolean' | 'date';

export function attributeTypeOf(value: CustomAttributeValue): AttributeType {
  if (typeof value === 'object') return 'date';
  return typeof value as 'string' | 'number' | 'boolean';
}

export function formatAttributeValue(value: CustomAttributeValue): string {
  if (typeof value === 'object') return value.date;
  return String(value);
}

export type ParsedAttribute =
  { ok: true; value: CustomAttributeValue } | { ok: false; error: string };

const KEY = /^[A-Za-z][A-Za-z0-9_-]{0,63}$/;

export function checkAttributeKey(key: string): string | undefined {
  return KEY.test(key) ? undefined : 'key: 1-64 of A-Z a-z 0-9 _ -, starting with a letter';
}

/** Turns what the agent typed into a typed custom attribute value (S11). */
export function parseAttributeInput(type: AttributeType, raw: string): ParsedAttribute {
  const text = raw.trim();
  switch (type) {
    case 'string':
      return text.length <= 1024
        ? { ok: true, value: raw }
        : { ok: false, error: 'at most 1024 characters' };
    case 'number': {
      const value = Number(text);
      return text !== '' && Number.isFinite(value)
        ? { ok: true, value }
        : { ok: false, error: 'not a number' };
    }
    case 'boolean':
      if (text === 'true') return { ok: true, value: true };
      if (text === 'false') return { ok: true, value: false };
      return { ok: false, error: 'true or false' };
    case 'date': {
      const time = Date.parse(text);
      return Number.isNaN(time)
        ? { ok: false, error: 'not a date (e.g. 2026-05-01 or 2026-05-01T10:00:00Z)' }
        : { ok: true, value: { date: new Date(time).toISOString() } };
    }
  }
}
