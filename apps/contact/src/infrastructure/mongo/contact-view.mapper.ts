import type { ContactView, CustomAttributeValue } from '@threadline/contracts';
import type { ContactDocument } from './contact.document';

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
    name: profile.name ?? doc.generatedName ?? '',
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
