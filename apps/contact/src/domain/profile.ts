import { PROFILE_FIELDS, type ProfileFields } from './contact.model';

/** The fields of `sent` that differ from `onFile`; absent fields change nothing. */
export function profileChanges(onFile: ProfileFields, sent: ProfileFields): ProfileFields {
  const changes: ProfileFields = {};
  for (const field of PROFILE_FIELDS) {
    const value = sent[field];
    if (value !== undefined && value !== onFile[field]) changes[field] = value;
  }
  return changes;
}

/** Only the fields that carry a value. */
export function compactProfile(profile: ProfileFields): ProfileFields {
  return profileChanges({}, profile);
}

export function isEmptyProfile(profile: ProfileFields): boolean {
  return PROFILE_FIELDS.every((field) => profile[field] === undefined);
}
