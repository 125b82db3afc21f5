import { platformTopicSpecs as contractTopicSpecs } from '@threadline/contracts';
import type { TopicSpec } from '@threadline/kafka-client';

/** The topics every environment needs, as the contracts define them (no test namespace here). */
export function platformTopicSpecs(): TopicSpec[] {
  return contractTopicSpecs();
}
