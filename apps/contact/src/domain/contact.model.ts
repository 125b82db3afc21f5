/** The profile fields a contact has on file (S2, S11). */
export interface ProfileFields {
  email?: string;
  name?: string;
  phone?: string;
  company?: string;
}

export const PROFILE_FIELDS = ['email', 'name', 'phone', 'company'] as const;
export type ProfileField = (typeof PROFILE_FIELDS)[number];

/** A typed custom attribute (S11); dates travel as `{ date: ISO }`. */
export type AttributeValue = string | number | boolean | { date: string };

/** A contact's own attributes; null is a removed key, kept so an imported value stays hidden. */
export type OwnAttributes = Record<string, AttributeValue | null>;

export type ContactKind = 'user' | 'visitor' | 'email';

/**
 * One contact's stream folded (JSON-safe). A stream may begin with activity (a message processed
 * before the visitor's start), so `created` is a flag rather than a state of its own.
 */
export interface ContactState {
  /** The application of the stream's first event: commands of another are refused (S17). */
  applicationId?: string;
  created: boolean;
  userId?: string;
  generatedName?: string;
  profile: ProfileFields;
  attributes: OwnAttributes;
  /**
   * When each key was last set (ISO), from the request's time: an init's `custom_data` reaches the
   * contact through Kafka and may arrive after a later `updateUserData`, which must keep its value.
   */
  attributesSetAt?: Record<string, string>;
  /** Listed in Contacts (S9). */
  authenticated: boolean;
  preChatSubmitted: boolean;
  hasWritten: boolean;
  lastSeenAt?: string;
  /** S12: this visitor's contact closed into a user's. */
  mergedInto?: string;
  /** S12: the visitor contacts this user's contact absorbed. */
  mergedFrom: string[];
}

export function initialContactState(): ContactState {
  return {
    created: false,
    profile: {},
    attributes: {},
    authenticated: false,
    preChatSubmitted: false,
    hasWritten: false,
    mergedFrom: [],
  };
}

/** What the read model knows of a contact that so far exists only through a CSV import (S10). */
export interface ImportedContact {
  kind: 'user' | 'email';
  userId?: string;
  /** Profile fields and attribute keys the import put on file: the user's values in a merge. */
  profileFields: ProfileField[];
  attributeKeys: string[];
}
