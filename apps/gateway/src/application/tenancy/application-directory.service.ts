import { Inject, Injectable } from '@nestjs/common';
import type { ApplicationView } from '@threadline/contracts';
import { IdentityClient } from '../../infrastructure/upstream/identity.client';
import { GATEWAY_SETTINGS, type GatewaySettings } from '../gateway-settings';

interface Cached {
  value: ApplicationView | null;
  until: number;
}

/**
 * Applications as identity knows them (organization, allowed origins), remembered briefly: every
 * widget request checks its origin, every agent request its organization, every live message
 * looks up whose agents to tell.
 */
@Injectable()
export class ApplicationDirectory {
  private readonly cache = new Map<string, Cached>();
  private readonly maxEntries = 10_000;

  constructor(
    private readonly identity: IdentityClient,
    @Inject(GATEWAY_SETTINGS) private readonly settings: GatewaySettings,
  ) {}

  async find(applicationId: string): Promise<ApplicationView | null> {
    const cached = this.cache.get(applicationId);
    if (cached && cached.until > Date.now()) return cached.value;
    const value = await this.identity.findApplication(applicationId);
    if (this.cache.size >= this.maxEntries) {
      const oldest = this.cache.keys().next().value;
      if (oldest !== undefined) this.cache.delete(oldest);
    }
    this.cache.set(applicationId, { value, until: Date.now() + this.settings.applicationCacheMs });
    return value;
  }

  /** S17: the application, only when it belongs to that organization. */
  async findInOrganization(
    applicationId: string,
    organizationDomain: string,
  ): Promise<ApplicationView | null> {
    const app = await this.find(applicationId);
    return app && app.organizationDomain === organizationDomain ? app : null;
  }
}
