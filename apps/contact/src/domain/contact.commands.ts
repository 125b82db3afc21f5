import type { AttributeValue, ImportedContact, ProfileFields } from './contact.model';

/** S2/S9a: a widget init with `user_id` passed identity's checks. Times are ISO strings. */
export interface RecordAuthentication {
  kind: 'record-authentication';
  contactId: string;
  applicationId: string;
  userId: string;
  profile: ProfileFields;
  generatedName?: string;
  at: string;
}

/** S4/S5: an anonymous visitor started on a device. */
export interface StartVisitor {
  kind: 'start-visitor';
  contactId: string;
  applicationId: string;
  generatedName: string;
  at: string;
}

/** A message the contact wrote itself (not an agent's). */
export interface RecordMessage {
  kind: 'record-message';
  contactId: string;
  applicationId: string;
  at: string;
}

/** S4/S9b. */
export interface SubmitPreChatForm {
  kind: 'submit-pre-chat';
  contactId: string;
  applicationId: string;
  name: string;
  email: string;
}

/** S11 `updateUser`. `imported` when the read model knows the contact from an import only. */
export interface UpdateProfile {
  kind: 'update-profile';
  contactId: string;
  applicationId: string;
  profile: ProfileFields;
  imported?: ImportedContact;
}

/** S11 `updateUserData` / agent API; null removes a key. */
export interface SetCustomAttributes {
  kind: 'set-attributes';
  contactId: string;
  applicationId: string;
  attributes: Record<string, AttributeValue | null>;
  /** When the set was asked for (ISO): keys set after that keep their values. */
  requestedAt?: string;
  /** Keys the import put on file: they count against the limit and a null hides them. */
  importedKeys: readonly string[];
  limit: number;
  imported?: ImportedContact;
}

/** S12, on the visitor's contact: close it into the user's. */
export interface MergeInto {
  kind: 'merge-into';
  contactId: string;
  applicationId: string;
  intoContactId: string;
  userId: string;
}

/** S12, on the user's contact: take what the visitor had and the user lacks. */
export interface AbsorbVisitor {
  kind: 'absorb-visitor';
  contactId: string;
  applicationId: string;
  visitorContactId: string;
  visitorId: string;
  visitor: { profile: ProfileFields; attributes: Record<string, AttributeValue | null> };
  /** What the user has on file from an import, which wins like the user's own values. */
  importedProfileFields: readonly string[];
  importedAttributeKeys: readonly string[];
  limit: number;
}

export type ContactCommand =
  | RecordAuthentication
  | StartVisitor
  | RecordMessage
  | SubmitPreChatForm
  | UpdateProfile
  | SetCustomAttributes
  | MergeInto
  | AbsorbVisitor;
