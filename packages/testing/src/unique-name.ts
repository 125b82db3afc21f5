import { randomBytes } from 'node:crypto';

/** Topic, group and database names unique to one test, so tests never see each other's data. */
export function uniqueName(prefix: string): string {
  return `${prefix}-${Date.now().toString(36)}-${randomBytes(4).toString('hex')}`;
}

/** A `TOPIC_NAMESPACE` for one test's services: they then share topics with nothing else. */
export function uniqueTopicNamespace(): string {
  return `${uniqueName('t').toLowerCase()}.`;
}
