import type { ContactView, CustomAttributeValue } from '@threadline/contracts';
import { generatedName, importedIdentityKey, userIdentityKey } from '@threadline/generated-names';
import type { ContactDocument } from './contact.document';

/**
 * S5 for a contact no event named: one imported without a name gets the name identity will give
 * the same `user_id` at its first init (or one from its email), derived, so replays agree.
 */
function nameOf(doc: ContactDocument, profile: { name?: string; email?: string }): string {
  if (profile.name !== undefined) return profile.name;
  if (doc.generatedName) return doc.generatedName;
  if (doc.userId) return generatedName(userIdentityKey(doc.applicationId, doc.userId));
  if (profile.email) return generatedName(importedIdentityKey(doc.applicationId, profile.email));
  return '';
}

/** The contact as agents see it: own values over imported ones; a removed key is gone (S11). */
export function toContactView(doc: ContactDocument): ContactView {
  const profile = { ...doc.importedProfile, ...doc.own };
  const customAttributes: Record<string, CustomAttributeValue> = {};
  for (const [key, value] of Object.entries({ ...doc.importedAttributes, ...doc.ownAttributes })) {
    if (value !== null) customAttributes[key] = value;
  }
  const importedFirst =
    doc.importedAt !== undefined &&
    (doc.streamCreatedAt === undefined || doc.importedAt < doc.streamCreatedAt);
  return {
    contactId: doc._id,
    applicationId: doc.applicationId,
    userId: doc.userId ?? null,
    name: nameOf(doc, profile),
    email: profile.email ?? '',
    phone: profile.phone ?? '',
    company: profile.company ?? '',
    authenticated: doc.authenticated,
    source: importedFirst ? 'import' : (doc.streamSource ?? 'import'),
    customAttributes,
    createdAt: doc.createdAt,
    lastSeenAt: doc.seenAt === '' ? null : doc.seenAt,
  };
}
