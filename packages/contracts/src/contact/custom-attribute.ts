import { z } from 'zod';

/** A custom attribute (S11): string, number, boolean, or a date given as `{ date: ISO }`. */
export const CustomAttributeValue = z.union([
  z.string().max(1024),
  z.number().refine(Number.isFinite, 'must be a finite number'),
  z.boolean(),
  z.strictObject({ date: z.iso.datetime({ offset: true }) }),
]);
export type CustomAttributeValue = z.infer<typeof CustomAttributeValue>;

/** Keys: letters, digits, `_` and `-`, starting with a letter; never `.` or `$` (stored as keys). */
export const CustomAttributeKey = z
  .string()
  .regex(
    /^[A-Za-z][A-Za-z0-9_-]{0,63}$/,
    'must be 1-64 of A-Z a-z 0-9 _ -, starting with a letter',
  );

export const MAX_CUSTOM_ATTRIBUTES = 100;

/** Changes to a contact's attributes (S11): a value sets a key, null removes it; at most the limit. */
export const CustomAttributeChanges = z
  .record(CustomAttributeKey, CustomAttributeValue.nullable())
  .refine(
    (a) => Object.keys(a).length <= MAX_CUSTOM_ATTRIBUTES,
    `at most ${MAX_CUSTOM_ATTRIBUTES} attributes`,
  );
export type CustomAttributeChanges = z.infer<typeof CustomAttributeChanges>;

/** Attributes as events carry them: at most the limit, keys as above. */
export const CustomAttributes = z
  .record(CustomAttributeKey, CustomAttributeValue)
  .refine(
    (a) => Object.keys(a).length <= MAX_CUSTOM_ATTRIBUTES,
    `at most ${MAX_CUSTOM_ATTRIBUTES} attributes`,
  );
