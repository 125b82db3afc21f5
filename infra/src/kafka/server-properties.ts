/** What varies between machines in the broker's config. */
export interface BrokerSettings {
  host: string;
  port: number;
  controllerPort: number;
  logDir: string;
}

/**
 * A single-node KRaft broker that is also its own controller, as in Kafka 4's quickstart
 * (dynamic quorum, formatted with `--standalone`). Replication factors are 1 because there is
 * one node; topics are only created explicitly, so a typo in a topic name fails loudly.
 */
export function serverProperties(s: BrokerSettings): string {
  const props: Record<string, string | number | boolean> = {
    'process.roles': 'broker,controller',
    'node.id': 1,
    'controller.quorum.bootstrap.servers': `${s.host}:${s.controllerPort}`,
    listeners: `PLAINTEXT://${s.host}:${s.port},CONTROLLER://${s.host}:${s.controllerPort}`,
    'advertised.listeners': `PLAINTEXT://${s.host}:${s.port},CONTROLLER://${s.host}:${s.controllerPort}`,
    'inter.broker.listener.name': 'PLAINTEXT',
    'controller.listener.names': 'CONTROLLER',
    'listener.security.protocol.map': 'CONTROLLER:PLAINTEXT,PLAINTEXT:PLAINTEXT',
    'log.dirs': s.logDir,
    'num.partitions': 1,
    'default.replication.factor': 1,
    'min.insync.replicas': 1,
    'offsets.topic.replication.factor': 1,
    'transaction.state.log.replication.factor': 1,
    'transaction.state.log.min.isr': 1,
    'share.coordinator.state.topic.replication.factor': 1,
    'share.coordinator.state.topic.min.isr': 1,
    // Tests start consumers often: a new group should not sit 3 s waiting for more members.
    'group.initial.rebalance.delay.ms': 0,
    'auto.create.topics.enable': false,
  };
  const lines = Object.entries(props).map(([key, value]) => `${key}=${value}`);
  return `# Written by infra/src/kafka on every start; edits are overwritten.\n${lines.join('\n')}\n`;
}
