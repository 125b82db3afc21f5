import { platformTopics, setTopicNamespace, topicNamespace } from '@threadline/contracts';

/**
 * The platform topics of services started under `namespace`, named from a process that is not in
 * it: the bench deletes them afterwards, and must never delete the un-namespaced topics of a
 * product running against the same broker.
 */
export function platformTopicsUnder(namespace: string): string[] {
  const own = topicNamespace();
  setTopicNamespace(namespace);
  try {
    return platformTopics();
  } finally {
    setTopicNamespace(own);
  }
}
