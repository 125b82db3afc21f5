'use strict';
// An outbox relay in a process of its own, for outbox-relay-kill.int.spec.ts: after each batch is on
// Kafka it prints "published <n> <commit ids>" and lingers 1 s before marking, so the parent can
// SIGKILL it in that window. Plain JS over the built packages: run `turbo run build` first.
// usage: node relay-child.js <database> <topic> [batchSize]   env: KAFKA_BROKERS, MONGODB_URI
const { createEventBackbone } = require('@threadline/eventing');
const { createKafka, parseBrokers } = require('@threadline/kafka-client');
const mongoose = require('mongoose');

async function main() {
  const [dbName, topic, batchSize = '8'] = process.argv.slice(2);
  const { KAFKA_BROKERS, MONGODB_URI } = process.env;
  if (!dbName || !topic || !KAFKA_BROKERS || !MONGODB_URI) {
    throw new Error(
      'usage: relay-child.js <database> <topic> [batchSize] with KAFKA_BROKERS, MONGODB_URI',
    );
  }
  const connection = await mongoose
    .createConnection(MONGODB_URI, { dbName, retryWrites: false })
    .asPromise();
  const kafka = createKafka({
    clientId: `relay-child-${process.pid}`,
    brokers: parseBrokers(KAFKA_BROKERS),
    logLevel: 'error',
  });
  const backbone = createEventBackbone({
    connection,
    kafka,
    service: 'conversation',
    topic,
    nudgeOnAppend: false,
    relay: {
      batchSize: Number(batchSize),
      pollIntervalMs: 20,
      afterPublish: async (commits) => {
        // Pipes are written synchronously on Linux: the line is out before the kill can land.
        process.stdout.write(`published ${commits.length} ${commits.map((c) => c.id).join(',')}\n`);
        await new Promise((resolve) => setTimeout(resolve, 1_000));
      },
      onError: (error) => process.stderr.write(`relay pass failed: ${String(error)}\n`),
    },
  });
  backbone.relay.start();
  process.stdout.write('started\n');
}

main().catch((error) => {
  process.stderr.write(
    `relay child failed: ${error instanceof Error ? error.stack : String(error)}\n`,
  );
  process.exit(1);
});
