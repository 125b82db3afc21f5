import { platformTopics } from '@threadline/contracts';
import type { TopicSpec } from '@threadline/kafka-client';

/**
 * The topics every environment needs. Records are kept forever (they are the audit log), set on
 * each topic so it holds on any broker, whatever its `log.retention.*` defaults.
 * Event topics get 3 partitions (keyed by stream id); dead-letter topics are low volume.
 */
export function platformTopicSpecs(): TopicSpec[] {
  return platformTopics.map((topic) => ({
    topic,
    partitions: topic.endsWith('.events') ? 3 : 1,
    replicationFactor: 1,
    configs: { 'retention.ms': '-1' },
  }));
}
