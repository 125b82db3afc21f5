/** The profile fields an init, `updateUser` or a signed JWT may carry (S2, S7, S11). */
export interface ProfileFields {
  email?: string;
  name?: string;
  phone?: string;
  company?: string;
}

/**
 * The init's `custom_data` (S11), carried to the contact as the init sent it: identity neither
 * keeps nor interprets it (the contact service owns attributes). A value sets a key, null removes it.
 */
export type CustomData = Readonly<
  Record<string, string | number | boolean | { readonly date: string } | null>
>;

const FIELDS = ['email', 'name', 'phone', 'company'] as const;

/**
 * Folds `update` over `base`: a field that `update` carries wins, a field it omits keeps its old
 * value (an init that sends no email does not erase the email on file).
 */
export function mergeProfile(base: ProfileFields, update: ProfileFields): ProfileFields {
  const merged: ProfileFields = { ...compactProfile(base) };
  for (const field of FIELDS) {
    const value = update[field];
    if (value !== undefined) merged[field] = value;
  }
  return merged;
}

/** The same profile without undefined entries, so events and state compare and serialize cleanly. */
export function compactProfile(profile: ProfileFields): ProfileFields {
  const compact: ProfileFields = {};
  for (const field of FIELDS) {
    const value = profile[field];
    if (value !== undefined) compact[field] = value;
  }
  return compact;
}
