import type { CustomAttributeValue } from '@threadline/contracts';
import { z } from 'zod';
import type { AttributeType } from './csv-columns';

const MAX_STRING = 1024;
const plainNumber = /^-?(0|[1-9]\d*)(\.\d+)?$/;
const anyNumber = /^[-+]?(\d+\.?\d*|\.\d+)([eE][-+]?\d+)?$/;
const isoDate = z.union([z.iso.date(), z.iso.datetime({ offset: true })]);
/** Every ISO date starts so: most cells are not dates, and the zod union is the costlier test. */
const datePrefix = /^\d{4}-\d{2}-\d{2}/;

export type CellResult = { ok: true; value: CustomAttributeValue } | { ok: false; reason: string };

function asDate(text: string): CellResult | undefined {
  if (!datePrefix.test(text) || !isoDate.safeParse(text).success) return undefined;
  return { ok: true, value: { date: new Date(text).toISOString() } };
}

function asString(text: string): CellResult {
  return text.length > MAX_STRING
    ? { ok: false, reason: `at most ${MAX_STRING} characters` }
    : { ok: true, value: text };
}

/**
 * A custom attribute from a CSV cell (S11 types). With a `key:type` header the cell must be that
 * type; without one, `true`/`false`, plain decimals (no leading zeros, so `01234` stays text) and
 * ISO dates are typed, and anything else is a string.
 */
export function attributeOf(text: string, type: AttributeType | undefined): CellResult {
  switch (type) {
    case 'string':
      return asString(text);
    case 'number': {
      const value = Number(text);
      return anyNumber.test(text) && Number.isFinite(value)
        ? { ok: true, value }
        : { ok: false, reason: 'must be a number' };
    }
    case 'boolean': {
      const lower = text.toLowerCase();
      if (lower === 'true' || lower === 'false') return { ok: true, value: lower === 'true' };
      return { ok: false, reason: 'must be true or false' };
    }
    case 'date':
      return asDate(text) ?? { ok: false, reason: 'must be an ISO 8601 date or date-time' };
    case undefined: {
      if (text === 'true' || text === 'false') return { ok: true, value: text === 'true' };
      if (plainNumber.test(text) && Number.isFinite(Number(text))) {
        return { ok: true, value: Number(text) };
      }
      return asDate(text) ?? asString(text);
    }
    default: {
      const never: never = type;
      return never;
    }
  }
}
