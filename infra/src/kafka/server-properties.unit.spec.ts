import { serverProperties } from './server-properties';

describe('serverProperties', () => {
  const props = Object.fromEntries(
    serverProperties({
      host: '127.0.0.1',
      port: 9092,
      controllerPort: 9093,
      logDir: '/data/kafka/logs',
    })
      .split('\n')
      .filter((line) => line && !line.startsWith('#'))
      .map((line) => line.split(/=(.*)/s).slice(0, 2)),
  );

  it('is a single KRaft node that is its own controller', () => {
    expect(props).toMatchObject({
      'process.roles': 'broker,controller',
      'node.id': '1',
      'controller.quorum.bootstrap.servers': '127.0.0.1:9093',
      listeners: 'PLAINTEXT://127.0.0.1:9092,CONTROLLER://127.0.0.1:9093',
      'controller.listener.names': 'CONTROLLER',
      'log.dirs': '/data/kafka/logs',
    });
    expect(props['advertised.listeners']).toContain('PLAINTEXT://127.0.0.1:9092');
  });

  it('needs no second replica and creates no topic by accident', () => {
    expect(props).toMatchObject({
      'offsets.topic.replication.factor': '1',
      'transaction.state.log.replication.factor': '1',
      'transaction.state.log.min.isr': '1',
      'min.insync.replicas': '1',
      'group.initial.rebalance.delay.ms': '0',
      'auto.create.topics.enable': 'false',
    });
  });
});
