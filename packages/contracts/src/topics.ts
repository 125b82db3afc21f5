/** The services that own an event stream; each publishes to `<service>.events`. */
export const services = ['identity', 'contact', 'conversation'] as const;
export type ServiceName = (typeof services)[number];

export function eventsTopic(service: ServiceName): `${ServiceName}.events` {
  return `${service}.events`;
}

/** Events that failed validation on read are parked here with the reason, never dropped. */
export function deadLetterTopic(service: ServiceName): `${ServiceName}.events.dlt` {
  return `${service}.events.dlt`;
}

/** Every topic the platform needs; all keep their records forever (they are the audit log). */
export const platformTopics: readonly string[] = services.flatMap((s) => [
  eventsTopic(s),
  deadLetterTopic(s),
]);
