/** The services that own an event stream; each publishes to `<service>.events`. */
export const services = ['identity', 'contact', 'conversation'] as const;
export type ServiceName = (typeof services)[number];

/** `<lower-case word>.`: a prefix for every topic name, so tests never share topics. */
export const topicNamespacePattern = /^[a-z0-9][a-z0-9-]{0,62}\.$/;

let namespace = '';

/**
 * Prefixes every platform topic of this process (STYLE.md: unique topic names per test). Set once
 * at boot from `TOPIC_NAMESPACE` by the config loader; production leaves it empty.
 */
export function setTopicNamespace(prefix: string): void {
  if (prefix !== '' && !topicNamespacePattern.test(prefix)) {
    throw new Error(`topic namespace "${prefix}" must look like "test-1a2b."`);
  }
  namespace = prefix;
}

export function topicNamespace(): string {
  return namespace;
}

export function eventsTopic(service: ServiceName): string {
  return `${namespace}${service}.events`;
}

/** Events that failed validation on read are parked here with the reason, never dropped. */
export function deadLetterTopic(service: ServiceName): string {
  return `${namespace}${service}.events.dlt`;
}

/** Every topic the platform needs (in the current namespace); all keep their records forever. */
export function platformTopics(): string[] {
  return services.flatMap((s) => [eventsTopic(s), deadLetterTopic(s)]);
}

/** How each platform topic is created, by infra at start and by a service in a test namespace. */
export interface PlatformTopicSpec {
  topic: string;
  partitions: number;
  replicationFactor: number;
  configs: Record<string, string>;
}

/**
 * Records are kept forever (they are the audit log), set on each topic so it holds on any broker,
 * whatever its `log.retention.*` defaults. Event topics get 3 partitions (keyed by stream id);
 * dead-letter topics are low volume.
 */
export function platformTopicSpecs(): PlatformTopicSpec[] {
  return platformTopics().map((topic) => ({
    topic,
    partitions: topic.endsWith('.events') ? 3 : 1,
    replicationFactor: 1,
    configs: { 'retention.ms': '-1' },
  }));
}
