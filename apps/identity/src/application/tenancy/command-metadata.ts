import { randomUUID } from 'node:crypto';
import type { EventMetadata } from '@threadline/eventing';

/** Organization-level events belong to the organization: their tenant id is its domain. */
export function commandMetadata(tenantId: string, correlationId: string): EventMetadata {
  return { tenantId, correlationId, causationId: randomUUID() };
}
