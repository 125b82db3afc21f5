import type { BaseServiceConfig, StoreServiceConfig } from './config/service-config';

export const serviceNames = ['gateway', 'identity', 'contact', 'conversation'] as const;
export type ServiceName = (typeof serviceNames)[number];

export interface UpstreamService {
  name: string;
  /** Base URL of its internal HTTP API; its `/health` is checked. */
  url: string;
}

/** Services own a database; the gateway keeps no data of its own. */
export type ServiceKitOptions = {
  service: ServiceName;
  upstreams?: UpstreamService[];
} & ({ store: true; config: StoreServiceConfig } | { store: false; config: BaseServiceConfig });

export const SERVICE_KIT_OPTIONS = Symbol('SERVICE_KIT_OPTIONS');
