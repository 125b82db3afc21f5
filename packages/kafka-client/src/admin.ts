import { ConfigResourceTypes, ConfigSource, type Admin } from 'kafkajs';
import { memoizeConnect } from './connect-once';
import { retryingRetriable } from './retriable';
import { configsToAlter, type EnsureTopicsResult, type TopicSpec } from './topic-spec';

export interface ClusterDescription {
  clusterId: string;
  controller: number | null;
  brokers: { nodeId: number; host: string; port: number }[];
}

export interface PartitionOffsets {
  partition: number;
  /** The first offset still stored. */
  low: string;
  /** The offset the next record will get. */
  high: string;
}

export interface GroupOffsets {
  topic: string;
  /** The committed offset per partition: the next one the group reads; `-1` if none committed. */
  partitions: { partition: number; offset: string }[];
}

export interface KafkaAdmin {
  describeCluster(): Promise<ClusterDescription>;
  listTopics(): Promise<string[]>;
  /** Creates missing topics and aligns the configs of existing ones; idempotent. */
  ensureTopics(specs: TopicSpec[]): Promise<EnsureTopicsResult>;
  /** Topic-level configs, e.g. to check `retention.ms`. */
  topicConfigs(topic: string): Promise<Record<string, string | null>>;
  deleteTopics(topics: string[]): Promise<void>;
  fetchTopicOffsets(topic: string): Promise<PartitionOffsets[]>;
  fetchGroupOffsets(groupId: string, topics: string[]): Promise<GroupOffsets[]>;
  /** Commits a group's offsets on one topic; the group must have no running member. */
  setGroupOffsets(
    groupId: string,
    topic: string,
    partitions: { partition: number; offset: string }[],
  ): Promise<void>;
  disconnect(): Promise<void>;
}

export function wrapAdmin(admin: Admin): KafkaAdmin {
  const connect = memoizeConnect(() => admin.connect());
  const connected = async <T>(work: () => Promise<T>): Promise<T> => {
    await connect.ensure();
    return work();
  };

  async function describeTopicConfigs(topics: string[]) {
    const { resources } = await admin.describeConfigs({
      includeSynonyms: false,
      resources: topics.map((name) => ({ type: ConfigResourceTypes.TOPIC, name })),
    });
    return new Map(
      resources.map((r) => [
        r.resourceName,
        r.configEntries.map((e) => ({
          name: e.configName,
          value: e.configValue,
          setOnTopic: e.configSource === ConfigSource.TOPIC_CONFIG,
        })),
      ]),
    );
  }

  async function ensureTopics(specs: TopicSpec[]): Promise<EnsureTopicsResult> {
    const existing = new Set(await admin.listTopics());
    const missing = specs.filter((s) => !existing.has(s.topic));
    const present = specs.filter((s) => existing.has(s.topic));
    if (missing.length > 0) {
      await admin.createTopics({
        waitForLeaders: true,
        topics: missing.map((s) => ({
          topic: s.topic,
          numPartitions: s.partitions,
          replicationFactor: s.replicationFactor ?? 1,
          configEntries: Object.entries(s.configs ?? {}).map(([name, value]) => ({ name, value })),
        })),
      });
    }
    const result: EnsureTopicsResult = {
      created: missing.map((s) => s.topic),
      altered: [],
      partitionMismatches: [],
    };
    if (present.length === 0) return result;

    const metadata = await admin.fetchTopicMetadata({ topics: present.map((s) => s.topic) });
    const partitionCounts = new Map(metadata.topics.map((t) => [t.name, t.partitions.length]));
    const configs = await describeTopicConfigs(present.map((s) => s.topic));
    for (const spec of present) {
      const actual = partitionCounts.get(spec.topic) ?? 0;
      if (actual !== spec.partitions) {
        result.partitionMismatches.push({ topic: spec.topic, desired: spec.partitions, actual });
      }
      const next = configsToAlter(spec.configs ?? {}, configs.get(spec.topic) ?? []);
      if (!next) continue;
      await admin.alterConfigs({
        validateOnly: false,
        resources: [
          {
            type: ConfigResourceTypes.TOPIC,
            name: spec.topic,
            configEntries: Object.entries(next).map(([name, value]) => ({ name, value })),
          },
        ],
      });
      result.altered.push(spec.topic);
    }
    return result;
  }

  return {
    describeCluster: () => connected(() => admin.describeCluster()),
    listTopics: () => connected(() => admin.listTopics()),
    ensureTopics: (specs) => connected(() => ensureTopics(specs)),
    topicConfigs: (topic) =>
      connected(async () => {
        const entries = (await describeTopicConfigs([topic])).get(topic) ?? [];
        return Object.fromEntries(entries.map((e) => [e.name, e.value]));
      }),
    deleteTopics: (topics) => connected(() => admin.deleteTopics({ topics })),
    fetchTopicOffsets: (topic) =>
      connected(async () => {
        const offsets = await admin.fetchTopicOffsets(topic);
        return offsets.map((o) => ({ partition: o.partition, low: o.low, high: o.high }));
      }),
    fetchGroupOffsets: (groupId, topics) =>
      connected(async () => {
        const offsets = await retryingRetriable(() => admin.fetchOffsets({ groupId, topics }));
        return offsets.map((t) => ({
          topic: t.topic,
          partitions: t.partitions.map((p) => ({ partition: p.partition, offset: p.offset })),
        }));
      }),
    setGroupOffsets: (groupId, topic, partitions) =>
      connected(() => admin.setOffsets({ groupId, topic, partitions })),
    async disconnect() {
      connect.reset();
      await admin.disconnect();
    },
  };
}
