import type { ContactListQuery, ContactPage, ContactView } from '@threadline/contracts';
import type { mongo } from 'mongoose';
import type { ContactsReadModel } from '../../application/ports/contacts-read-model.port';
import { PROFILE_FIELDS, type ImportedContact, type ProfileField } from '../../domain';
import { CONTACTS_COLLECTION, type ContactDocument } from './contact.document';
import { contactListFilter, encodeCursor } from './contact-list.filter';
import { toContactView } from './contact-view.mapper';

/** The `contacts` projection read for queries and for commands that need the imported layer. */
export class MongoContactsReadModel implements ContactsReadModel {
  constructor(
    private readonly db: () => mongo.Db,
    private readonly collectionName: string = CONTACTS_COLLECTION,
  ) {}

  private get contacts(): mongo.Collection<ContactDocument> {
    return this.db().collection<ContactDocument>(this.collectionName);
  }

  private async find(applicationId: string, contactId: string): Promise<ContactDocument | null> {
    const doc = await this.contacts.findOne({ _id: contactId });
    return doc && doc.applicationId === applicationId ? doc : null;
  }

  async view(applicationId: string, contactId: string): Promise<ContactView | undefined> {
    const doc = await this.find(applicationId, contactId);
    if (!doc) return undefined;
    if (doc.mergedInto !== undefined) {
      const into = await this.find(applicationId, doc.mergedInto);
      return into ? toContactView(into) : undefined;
    }
    return toContactView(doc);
  }

  async list(applicationId: string, query: ContactListQuery): Promise<ContactPage> {
    const docs = await this.contacts
      .find(contactListFilter(applicationId, query))
      .sort({ seenAt: -1, _id: -1 })
      .limit(query.limit + 1)
      .toArray();
    const page = docs.slice(0, query.limit);
    const last = page[page.length - 1];
    return {
      contacts: page.map(toContactView),
      nextCursor:
        docs.length > query.limit && last
          ? encodeCursor({ seenAt: last.seenAt, contactId: last._id })
          : null,
    };
  }

  async imported(applicationId: string, contactId: string): Promise<ImportedContact | undefined> {
    const doc = await this.find(applicationId, contactId);
    if (!doc || doc.importKey === '' || doc.kind === 'visitor') return undefined;
    return {
      kind: doc.kind,
      ...(doc.userId !== undefined && { userId: doc.userId }),
      profileFields: PROFILE_FIELDS.filter(
        (field: ProfileField) => doc.importedProfile[field] !== undefined,
      ),
      attributeKeys: Object.keys(doc.importedAttributes),
    };
  }
}
