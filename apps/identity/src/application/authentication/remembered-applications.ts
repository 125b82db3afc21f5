import { LRUCache } from 'lru-cache';
import type { ApplicationRecord, ApplicationsReadModel } from '../tenancy';

/** How long an application record read for one init serves the next ones. */
export const REMEMBER_APPLICATION_MS = 1_000;
const REMEMBERED_APPLICATIONS = 10_000;

export interface FoundApplication {
  record: ApplicationRecord;
  /** Served from memory: it may be up to `REMEMBER_APPLICATION_MS` older than the read model. */
  remembered: boolean;
}

/**
 * The applications read model with the records of the last second kept in memory, so that a busy
 * application's inits do not each read it. The read model itself trails the log by its
 * projection's lag, so a second more only matters to a refusal: callers check a refusal decided
 * on a remembered record again on `fresh`. Only existing applications are kept, so a stream of
 * invented ids cannot fill the memory. (An application's verification mode is set once, at
 * registration; its keys and secret hash are what can change.)
 */
export class RememberedApplications {
  private readonly records: LRUCache<string, ApplicationRecord>;

  constructor(
    private readonly readModel: ApplicationsReadModel,
    /** Monotonic milliseconds; a port so tests can move time. */
    clock: { now(): number } = performance,
  ) {
    this.records = new LRUCache({
      max: REMEMBERED_APPLICATIONS,
      ttl: REMEMBER_APPLICATION_MS,
      perf: clock,
    });
  }

  async find(organizationDomain: string, applicationId: string): Promise<FoundApplication | null> {
    const known = this.records.get(keyOf(organizationDomain, applicationId));
    if (known) return { record: known, remembered: true };
    const record = await this.fresh(organizationDomain, applicationId);
    return record ? { record, remembered: false } : null;
  }

  async fresh(
    organizationDomain: string,
    applicationId: string,
  ): Promise<ApplicationRecord | null> {
    const record = await this.readModel.find(organizationDomain, applicationId);
    if (record) this.records.set(keyOf(organizationDomain, applicationId), record);
    return record;
  }
}

function keyOf(organizationDomain: string, applicationId: string): string {
  return JSON.stringify([organizationDomain, applicationId]);
}
