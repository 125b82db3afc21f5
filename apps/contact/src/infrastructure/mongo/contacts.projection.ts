import {
  contactStreamId,
  eventsTopic,
  type ContactAuthenticatedV1,
  type ContactCreatedV1,
  type ContactMergedIntoV1,
  type ContactSeenV1,
  type ContactUpdatedV1,
  type ContactsImportedV1,
  type ContactsMergedV1,
  type CustomAttributesSetV1,
  type PreChatFormSubmittedV1,
  type TypedEvent,
} from '@threadline/contracts';
import {
  defineProjection,
  isFerretDb,
  KeyedLanes,
  type Projection,
  type ProjectionContext,
  type ProjectionDocument,
  type ProjectionUpdate,
} from '@threadline/eventing';
import type { mongo } from 'mongoose';
import {
  CONTACTS_COLLECTION,
  contactKindOf,
  importKeyOf,
  isoTime,
  type ContactDocument,
} from './contact.document';
import { applyImportedRows } from './imported-rows.apply';

type ContactStreamEvent = TypedEvent<
  | typeof ContactCreatedV1
  | typeof ContactUpdatedV1
  | typeof PreChatFormSubmittedV1
  | typeof ContactAuthenticatedV1
  | typeof ContactSeenV1
  | typeof CustomAttributesSetV1
  | typeof ContactsMergedV1
  | typeof ContactMergedIntoV1
>;
type ContactsImported = TypedEvent<typeof ContactsImportedV1>;
type ContactProjectionEvent = ContactStreamEvent | ContactsImported;

const streamEventTypes = new Set<string>([
  'contact.contact-created',
  'contact.contact-updated',
  'contact.pre-chat-form-submitted',
  'contact.contact-authenticated',
  'contact.contact-seen',
  'contact.custom-attributes-set',
  'contact.contacts-merged',
  'contact.contact-merged-into',
]);

function isContactProjectionEvent(event: { type: string }): event is ContactProjectionEvent {
  return streamEventTypes.has(event.type) || event.type === 'contact.contacts-imported';
}

/** Sets each field under `prefix.` (a path per field, so other fields stay). */
function paths(prefix: string, values: Record<string, unknown>): Record<string, unknown> {
  return Object.fromEntries(
    Object.entries(values).map(([key, value]) => [`${prefix}.${key}`, value]),
  );
}

/** The fields every document has, whatever created it. */
type InsertDefaults = Pick<
  ContactDocument,
  | 'applicationId'
  | 'kind'
  | 'own'
  | 'ownAttributes'
  | 'authenticated'
  | 'seenAt'
  | 'importKey'
  | 'importedProfile'
  | 'importedAttributes'
>;

/**
 * The fields a new document starts with, as the import path inserts them too: the required ones
 * only. An optional field stays absent until an event gives it a value; a null or [] here would
 * stay in the document on MongoDB (FerretDB drops them), so a contact's document would depend on
 * whether its stream or an import created it, and `mergedInto: null` would hide it from the list.
 */
function defaultsOf(event: ContactStreamEvent): InsertDefaults {
  return {
    applicationId: event.tenantId,
    kind: contactKindOf(event.payload.contactId),
    own: {},
    ownAttributes: {},
    authenticated: false,
    seenAt: '',
    importKey: '',
    importedProfile: {},
    importedAttributes: {},
  };
}

/** `$setOnInsert` must not name a path another operator of the same update sets. */
function withDefaults(
  update: ProjectionUpdate,
  defaults: Record<string, unknown>,
): ProjectionUpdate {
  const taken = Object.values(update).flatMap((fields) => Object.keys(fields ?? {}));
  const onInsert = Object.fromEntries(
    Object.entries(defaults).filter(
      ([key]) => !taken.some((path) => path === key || path.startsWith(`${key}.`)),
    ),
  );
  return { ...update, $setOnInsert: onInsert };
}

function changeOf(event: ContactStreamEvent): ProjectionUpdate {
  switch (event.type) {
    case 'contact.contact-created': {
      const p = event.payload;
      return {
        $set: {
          ...paths('own', p.profile),
          ...(p.userId !== undefined && { userId: p.userId }),
          ...(p.generatedName !== undefined && { generatedName: p.generatedName }),
          ...(p.authenticated && { authenticated: true }),
          streamCreatedAt: isoTime(event.occurredAt),
          streamSource: p.source,
        },
      };
    }
    case 'contact.contact-updated':
      return {
        $set: {
          ...paths('own', event.payload.profile),
          ...(event.payload.generatedName !== undefined && {
            generatedName: event.payload.generatedName,
          }),
        },
      };
    case 'contact.pre-chat-form-submitted':
      return { $set: { 'own.name': event.payload.name, 'own.email': event.payload.email } };
    case 'contact.contact-authenticated':
      return { $set: { authenticated: true } };
    case 'contact.contact-seen':
      return { $max: { seenAt: isoTime(event.payload.at) } };
    case 'contact.custom-attributes-set':
      return { $set: paths('ownAttributes', event.payload.attributes) };
    case 'contact.contacts-merged':
      return {
        $set: {
          ...paths('own', event.payload.profile),
          ...paths('ownAttributes', event.payload.attributes),
        },
        $addToSet: { mergedFrom: event.payload.mergedContactId },
      };
    case 'contact.contact-merged-into':
      return { $set: { mergedInto: event.payload.intoContactId } };
    default: {
      const never: never = event;
      return never;
    }
  }
}

/** The whole update one event of a contact's stream makes, insert defaults included. Pure. */
export function streamUpdateOf(event: ContactStreamEvent): ProjectionUpdate {
  return withDefaults(
    { ...changeOf(event), $min: { createdAt: isoTime(event.occurredAt) } },
    defaultsOf(event),
  );
}

async function applyStreamEvent(event: ContactStreamEvent, ctx: ProjectionContext): Promise<void> {
  await ctx.applyOnce(
    {
      _id: event.payload.contactId,
      streamId: contactStreamId(event.payload.contactId),
      streamVersion: event.streamVersion,
    },
    streamUpdateOf(event),
  );
}

/**
 * The `contacts` read model (S9, S10, S14): one document per contact, from `contact.events` only,
 * so a replay rebuilds it identically (S15). Contact streams apply once per stream version; import
 * batches insert new contacts in bulk and update an existing one only with a later import row.
 * A contact's document is written by its own stream and by import streams, which a replay applies
 * in parallel: writes of one document take turns (`KeyedLanes`).
 */
/**
 * The index of the Contacts list: one application's contacts, last seen first. MongoDB walks the
 * compound index in the list's order. FerretDB sorts in memory and filters only through its GIN
 * twins (`infra/ferretdb/README.md`), so there the compound index bought one useful key per
 * contact (the application) at the price of three btree and three GIN keys: a 100,000-row import
 * ran at 7,040 rows/s with it and 7,267-7,457 with the single field.
 */
export async function contactsListIndex(
  collection: mongo.Collection<ProjectionDocument>,
): Promise<mongo.IndexSpecification> {
  return (await isFerretDb(collection.db))
    ? { applicationId: 1 }
    : { applicationId: 1, seenAt: -1, _id: -1 };
}

export function contactsProjection(
  overrides: { topics?: readonly string[]; collection?: string } = {},
): Projection {
  const locks = new KeyedLanes();
  const lockKey = (ctx: ProjectionContext, contactId: string) =>
    `${ctx.collection.collectionName}/${contactId}`;
  return defineProjection({
    name: 'contacts',
    topics: overrides.topics ?? [eventsTopic('contact')],
    collection: overrides.collection ?? CONTACTS_COLLECTION,
    schemaVersion: 1,
    async setup(collection) {
      await collection.createIndex(await contactsListIndex(collection));
    },
    async apply(event, ctx) {
      if (!isContactProjectionEvent(event)) return;
      if (event.type === 'contact.contacts-imported') {
        const { rows, importId } = event.payload;
        await locks.run(
          rows.map((row) => lockKey(ctx, row.contactId)),
          () =>
            applyImportedRows(
              ctx,
              event.tenantId,
              isoTime(event.occurredAt),
              rows.map((row) => ({ ...row, key: importKeyOf(importId, row.line) })),
              ctx.schemaVersion,
            ),
        );
        return;
      }
      await locks.run([lockKey(ctx, event.payload.contactId)], () => applyStreamEvent(event, ctx));
    },
  });
}
