import {
  eventsTopic,
  type AuthenticationRejectedV1,
  type HashBoundV1,
  type TypedEvent,
  type UserAuthenticatedV1,
} from '@threadline/contracts';
import { defineProjection, type Projection, type ProjectionDocument } from '@threadline/eventing';

export const IDENTITIES_COLLECTION = 'identities';

/** One user of one application, keyed by its identity stream id. Never holds the bound hash. */
export interface IdentityDocument extends ProjectionDocument {
  applicationId: string;
  userId: string;
  /** The name on file, else the generated one (S5). */
  displayName?: string;
  generatedName?: string;
  profile: { email?: string; name?: string; phone?: string; company?: string };
  /** S6: whether a security hash is bound; the keyed hash itself stays in the stream. */
  hashBound: boolean;
  /** S7: the key that verified the last authentication, absent when none was required. */
  verifiedBy?: string;
  lastAuthenticatedAt?: Date;
  rejections: number;
}

type IdentityEvent = TypedEvent<
  typeof UserAuthenticatedV1 | typeof HashBoundV1 | typeof AuthenticationRejectedV1
>;

function isIdentityEvent(event: { type: string }): event is IdentityEvent {
  return (
    event.type === 'identity.user-authenticated' ||
    event.type === 'identity.hash-bound' ||
    event.type === 'identity.authentication-rejected'
  );
}

/**
 * The `identities` read model: one document per user identity stream, rebuildable by replay (S15).
 * The envelope's tenant is the application.
 */
export function identitiesProjection(
  overrides: { topics?: readonly string[]; collection?: string } = {},
): Projection {
  return defineProjection({
    name: 'identities',
    topics: overrides.topics ?? [eventsTopic('identity')],
    collection: overrides.collection ?? IDENTITIES_COLLECTION,
    schemaVersion: 1,
    async setup(collection) {
      await collection.createIndex({ applicationId: 1, userId: 1 });
    },
    async apply(event, ctx) {
      if (!isIdentityEvent(event)) return;
      const target = {
        _id: event.streamId,
        streamId: event.streamId,
        streamVersion: event.streamVersion,
      };
      const onInsert = {
        applicationId: event.tenantId,
        userId: event.payload.userId,
      };
      switch (event.type) {
        case 'identity.user-authenticated': {
          const p = event.payload;
          const profile = Object.fromEntries(
            Object.entries(p.profile)
              .filter(([, value]) => value !== undefined)
              .map(([field, value]) => [`profile.${field}`, value]),
          );
          const displayName = p.profile.name ?? p.generatedName;
          await ctx.applyOnce(target, {
            $set: {
              ...profile,
              ...(displayName === undefined ? {} : { displayName }),
              ...(p.generatedName === undefined ? {} : { generatedName: p.generatedName }),
              // The key of the last authentication; a later one without a key clears it.
              ...(p.verifiedBy === undefined ? {} : { verifiedBy: p.verifiedBy }),
              lastAuthenticatedAt: new Date(event.occurredAt),
            },
            ...(p.verifiedBy === undefined ? { $unset: { verifiedBy: '' } } : {}),
            $setOnInsert: {
              ...onInsert,
              hashBound: false,
              rejections: 0,
              // `profile.<field>` in `$set` creates the object; naming it here too would clash.
              ...(Object.keys(profile).length === 0 ? { profile: {} } : {}),
            },
          });
          return;
        }
        case 'identity.hash-bound':
          await ctx.applyOnce(target, {
            $set: { hashBound: true },
            $setOnInsert: { ...onInsert, profile: {}, rejections: 0 },
          });
          return;
        case 'identity.authentication-rejected':
          await ctx.applyOnce(target, {
            $inc: { rejections: 1 },
            $setOnInsert: { ...onInsert, profile: {}, hashBound: false },
          });
          return;
        default: {
          const never: never = event;
          return never;
        }
      }
    },
  });
}
