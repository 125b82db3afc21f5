import type { AttributeValue, ContactKind, OwnAttributes, ProfileFields } from './contact.model';

export interface ContactCreated {
  type: 'ContactCreated';
  contactId: string;
  /** The application (tenant): from the envelope, never from the payload. */
  applicationId: string;
  kind: ContactKind;
  userId?: string;
  generatedName?: string;
  profile: ProfileFields;
  source: 'widget' | 'pre-chat' | 'import';
  authenticated: boolean;
}

export interface ContactUpdated {
  type: 'ContactUpdated';
  contactId: string;
  applicationId: string;
  profile: ProfileFields;
  generatedName?: string;
  via: 'authentication' | 'profile-update' | 'visitor-start';
}

export interface PreChatFormSubmitted {
  type: 'PreChatFormSubmitted';
  contactId: string;
  applicationId: string;
  name: string;
  email: string;
}

export interface ContactAuthenticated {
  type: 'ContactAuthenticated';
  contactId: string;
  applicationId: string;
  via: 'pre-chat-and-message';
}

export interface ContactSeen {
  type: 'ContactSeen';
  contactId: string;
  applicationId: string;
  at: string;
  via: 'authentication' | 'message';
}

export interface CustomAttributesSet {
  type: 'CustomAttributesSet';
  contactId: string;
  applicationId: string;
  attributes: OwnAttributes;
  /** When the set was asked for (ISO); absent in events written before it was recorded. */
  at?: string;
}

export interface ContactsMerged {
  type: 'ContactsMerged';
  contactId: string;
  applicationId: string;
  mergedContactId: string;
  visitorId: string;
  profile: ProfileFields;
  attributes: Record<string, AttributeValue>;
}

export interface ContactMergedInto {
  type: 'ContactMergedInto';
  contactId: string;
  applicationId: string;
  intoContactId: string;
  userId: string;
}

/** A contact stream's events; the stream (`contact-<contactId>`) names the contact. */
export type ContactEvent =
  | ContactCreated
  | ContactUpdated
  | PreChatFormSubmitted
  | ContactAuthenticated
  | ContactSeen
  | CustomAttributesSet
  | ContactsMerged
  | ContactMergedInto;

type DistributiveOmit<T, K extends PropertyKey> = T extends unknown ? Omit<T, K> : never;

/** An event as a decision shapes it, before it is stamped with its contact and application. */
export type ContactChange = DistributiveOmit<ContactEvent, 'contactId' | 'applicationId'>;
