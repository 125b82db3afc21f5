import {
  eventsTopic,
  type ApplicationRegisteredV1,
  type IdentityKeyAddedV1,
  type IdentityKeyRetiredV1,
  type TypedEvent,
} from '@threadline/contracts';
import { defineProjection, type Projection, type ProjectionDocument } from '@threadline/eventing';

export const APPLICATIONS_COLLECTION = 'applications';

/** One application, keyed by its id; widget authentication reads it by (domain, applicationId). */
export interface ApplicationDocument extends ProjectionDocument {
  organizationDomain: string;
  applicationId: string;
  name?: string;
  applicationSecretHash: string;
  allowedOrigins: string[];
  identityVerification: 'none' | 'required';
  /** By key id (key ids never contain `.` or `$`): when each key verifies. */
  identityKeys: Record<string, { activeFrom: Date; retiresAt: Date | null }>;
  registeredAt: Date;
}

type ApplicationEvent = TypedEvent<
  typeof ApplicationRegisteredV1 | typeof IdentityKeyAddedV1 | typeof IdentityKeyRetiredV1
>;

function isApplicationEvent(event: { type: string }): event is ApplicationEvent {
  return (
    event.type === 'identity.application-registered' ||
    event.type === 'identity.identity-key-added' ||
    event.type === 'identity.identity-key-retired'
  );
}

/**
 * The `applications` read model of identity: every application with its secret hash, origins
 * and identity-key windows. Rebuildable by replay (S15); other events on the topic are ignored.
 */
export function applicationsProjection(
  overrides: { topics?: readonly string[]; collection?: string } = {},
): Projection {
  return defineProjection({
    name: 'applications',
    topics: overrides.topics ?? [eventsTopic('identity')],
    collection: overrides.collection ?? APPLICATIONS_COLLECTION,
    schemaVersion: 1,
    async setup(collection) {
      await collection.createIndex({ organizationDomain: 1, applicationId: 1 }, { unique: true });
    },
    async apply(event, ctx) {
      if (!isApplicationEvent(event)) return;
      const target = {
        _id: event.payload.applicationId,
        streamId: event.streamId,
        streamVersion: event.streamVersion,
      };
      switch (event.type) {
        case 'identity.application-registered': {
          const p = event.payload;
          await ctx.applyOnce(target, {
            $set: {
              organizationDomain: p.organizationDomain,
              applicationId: p.applicationId,
              applicationSecretHash: p.applicationSecretHash,
              allowedOrigins: p.allowedOrigins,
              identityVerification: p.identityVerification,
              registeredAt: new Date(event.occurredAt),
              ...(p.name === undefined ? {} : { name: p.name }),
            },
            $setOnInsert: { identityKeys: {} },
          });
          return;
        }
        case 'identity.identity-key-added':
          await ctx.applyOnce(target, {
            $set: {
              [`identityKeys.${event.payload.keyId}`]: {
                activeFrom: new Date(event.payload.activeFrom),
                retiresAt: event.payload.retiresAt ? new Date(event.payload.retiresAt) : null,
              },
            },
          });
          return;
        case 'identity.identity-key-retired':
          await ctx.applyOnce(target, {
            $set: {
              [`identityKeys.${event.payload.keyId}.retiresAt`]: new Date(event.payload.retiresAt),
            },
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
