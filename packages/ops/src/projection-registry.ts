import { services, type EventEnvelope, type ServiceName } from '@threadline/contracts';
import { streamCatalogProjection, type Projection } from '@threadline/eventing';
import { contactsProjection } from '@threadline/contact/dist/projections';
import {
  threadMessagesProjection,
  threadsProjection,
} from '@threadline/conversation/dist/projections';
import {
  applicationsProjection,
  identitiesProjection,
  sessionsProjection,
} from '@threadline/identity/dist/projections';

/** Builds one projection of one service, as its live runner defines it. */
export type ProjectionFactory = () => Projection<EventEnvelope>;

/** Every projection an operator may replay, by service and projection name. */
export type ProjectionRegistry = Readonly<
  Record<ServiceName, Readonly<Record<string, ProjectionFactory>>>
>;

/**
 * Registers a projection typed with its own event union. Its decoder produces exactly those events
 * at run time, so widening the declared type for the registry loses nothing.
 */
export function registerProjection<E extends EventEnvelope>(
  factory: () => Projection<E>,
): ProjectionFactory {
  return factory as unknown as ProjectionFactory;
}

/** The projections every service runs. A service adds its own beside them in the registry below. */
function platformProjections(service: ServiceName): Record<string, ProjectionFactory> {
  return { 'stream-catalog': registerProjection(() => streamCatalogProjection(service)) };
}

/** Each service's own projections, by the name `--projection` takes. */
const serviceProjections: Partial<Record<ServiceName, Record<string, ProjectionFactory>>> = {
  contact: {
    contacts: registerProjection(() => contactsProjection()),
  },
  conversation: {
    threads: registerProjection(() => threadsProjection()),
    'thread-messages': registerProjection(() => threadMessagesProjection()),
  },
  identity: {
    applications: registerProjection(() => applicationsProjection()),
    identities: registerProjection(() => identitiesProjection()),
    sessions: registerProjection(() => sessionsProjection()),
  },
};

export const projectionRegistry: ProjectionRegistry = Object.fromEntries(
  services.map((service) => [
    service,
    { ...platformProjections(service), ...serviceProjections[service] },
  ]),
) as Record<ServiceName, Record<string, ProjectionFactory>>;
