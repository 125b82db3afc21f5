import { randomUUID } from 'node:crypto';
import type { EventMetadata } from '@threadline/eventing';

/** Contact events belong to their application (the tenant, S17). */
export function commandMetadata(
  applicationId: string,
  correlationId: string,
  causationId: string = randomUUID(),
): EventMetadata {
  return { tenantId: applicationId, correlationId, causationId };
}
