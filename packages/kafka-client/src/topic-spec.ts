/** A topic as the platform wants it. */
export interface TopicSpec {
  topic: string;
  partitions: number;
  /** Defaults to 1: the local broker is a single node. */
  replicationFactor?: number;
  /** Topic-level configs, e.g. `{ 'retention.ms': '-1' }`. */
  configs?: Record<string, string>;
}

/** One config entry of an existing topic, as the broker describes it. */
export interface CurrentConfigEntry {
  name: string;
  value: string | null;
  /** Set on the topic itself (not inherited from broker defaults). */
  setOnTopic: boolean;
}

/**
 * The full set of topic-level configs to write when an existing topic drifted from `desired`,
 * or undefined when it already matches. The full set, because the AlterConfigs request kafkajs
 * sends replaces every topic-level config: the ones set earlier are kept, the desired ones win.
 */
export function configsToAlter(
  desired: Record<string, string>,
  current: CurrentConfigEntry[],
): Record<string, string> | undefined {
  const effective = new Map(current.map((e) => [e.name, e.value]));
  const drifted = Object.entries(desired).some(([name, value]) => effective.get(name) !== value);
  if (!drifted) return undefined;
  const kept = Object.fromEntries(
    current.filter((e) => e.setOnTopic && e.value !== null).map((e) => [e.name, e.value as string]),
  );
  return { ...kept, ...desired };
}

export interface EnsureTopicsResult {
  created: string[];
  /** Existing topics whose configs were changed to the desired ones. */
  altered: string[];
  /** Existing topics with another partition count than desired; never changed (it would move keys). */
  partitionMismatches: { topic: string; desired: number; actual: number }[];
}
