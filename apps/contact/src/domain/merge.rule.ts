import { effectiveKeys } from './custom-attributes';
import {
  PROFILE_FIELDS,
  type AttributeValue,
  type OwnAttributes,
  type ProfileFields,
} from './contact.model';

export interface MergeTaken {
  profile: ProfileFields;
  attributes: Record<string, AttributeValue>;
}

/**
 * S12's rule for what a user's contact takes from the visitor's it absorbs: the user's values win
 * (its own and imported ones, and a key the user removed stays removed); profile fields the user
 * lacks come from the visitor; attribute keys only the visitor has are added, in key order, while
 * the user stays within `limit` keys.
 */
export function mergeTaken(
  user: { profile: ProfileFields; attributes: OwnAttributes },
  visitor: { profile: ProfileFields; attributes: OwnAttributes },
  imported: { profileFields: readonly string[]; attributeKeys: readonly string[] },
  limit: number,
): MergeTaken {
  const profile: ProfileFields = {};
  for (const field of PROFILE_FIELDS) {
    const value = visitor.profile[field];
    if (
      value !== undefined &&
      user.profile[field] === undefined &&
      !imported.profileFields.includes(field)
    ) {
      profile[field] = value;
    }
  }
  const present = effectiveKeys(user.attributes, imported.attributeKeys);
  const attributes: Record<string, AttributeValue> = {};
  for (const key of Object.keys(visitor.attributes).sort()) {
    const value = visitor.attributes[key];
    if (value === null || value === undefined) continue;
    if (Object.hasOwn(user.attributes, key) || present.has(key)) continue;
    if (present.size >= limit) break;
    attributes[key] = value;
    present.add(key);
  }
  return { profile, attributes };
}
