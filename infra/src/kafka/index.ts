import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { createKafka } from '@threadline/kafka-client';
import type { ComponentStatus, InfraComponent } from '../component';
import { daemonPid, killDaemon, logFile, logTail, startDaemon, stopDaemon } from '../daemon';
import { ensureDir, infraPaths } from '../paths';
import { infraPorts, loopback } from '../ports';
import { java, requirePrerequisites } from '../prerequisites';
import { isPortOpen, waitFor } from '../wait';
import { ensureKafkaJars, kafkaVersion } from './jars';
import { platformTopicSpecs } from './platform-topics';
import { serverProperties, type BrokerSettings } from './server-properties';
import { formatStorageOnce } from './storage';

const name = 'kafka';
const brokers = `${loopback}:${infraPorts.kafka}`;
const dataDir = join(infraPaths.data, 'kafka');
const settings: BrokerSettings = {
  host: loopback,
  port: infraPorts.kafka,
  controllerPort: infraPorts.kafkaController,
  logDir: join(dataDir, 'logs'),
};
const startTimeoutMs = 90_000;

function javaArgs(libs: string): string[] {
  return [
    '-Djava.awt.headless=true',
    `-Dlog4j2.configurationFile=${join(infraPaths.kafkaProject, 'log4j2.xml')}`,
    '-cp',
    // Expanded by java itself, not a shell.
    `${libs}/*`,
  ];
}

function admin(quick: boolean) {
  const client = createKafka({
    clientId: 'threadline-infra',
    brokers: [brokers],
    logLevel: quick ? 'nothing' : 'warn',
    retries: quick ? 0 : undefined,
    connectionTimeoutMs: 2000,
  });
  return client.admin();
}

/** A real request, not an open port: the broker must have joined its own KRaft quorum to answer. */
async function answers(): Promise<boolean> {
  const probe = admin(true);
  try {
    const cluster = await probe.describeCluster();
    return cluster.brokers.length > 0;
  } finally {
    await probe.disconnect().catch(() => undefined);
  }
}

async function ensurePlatformTopics(): Promise<void> {
  const client = admin(false);
  try {
    const result = await client.ensureTopics(platformTopicSpecs());
    for (const m of result.partitionMismatches) {
      console.warn(
        `kafka: topic ${m.topic} has ${m.actual} partitions, ${m.desired} wanted; left as is`,
      );
    }
  } finally {
    await client.disconnect();
  }
}

async function startBroker(): Promise<void> {
  requirePrerequisites([java]);
  const { libs } = await ensureKafkaJars();
  const args = javaArgs(libs);
  await formatStorageOnce({ dataDir, settings, javaArgs: args });
  const propsFile = join(ensureDir(dataDir), 'server.properties');
  writeFileSync(propsFile, serverProperties(settings));
  startDaemon({
    name,
    command: 'java',
    args: [
      '-Xms256m',
      '-Xmx768m',
      '-XX:+UseG1GC',
      '-XX:MaxGCPauseMillis=20',
      ...args,
      'kafka.Kafka',
      propsFile,
    ],
    cwd: dataDir,
  });
  await waitFor(answers, {
    what: `kafka on ${brokers}`,
    timeoutMs: startTimeoutMs,
    intervalMs: 500,
    abortIf: () =>
      daemonPid(name) === undefined
        ? `the broker exited; last lines of ${logFile(name)}:\n${logTail(name)}`
        : undefined,
  });
}

async function status(): Promise<ComponentStatus> {
  const pid = daemonPid(name);
  const ready = pid !== undefined && (await answers().catch(() => false));
  return {
    name,
    running: pid !== undefined,
    ready,
    pid,
    endpoint: brokers,
    detail: `Kafka ${kafkaVersion()}, log ${logFile(name)}`,
  };
}

async function up(): Promise<ComponentStatus> {
  if (daemonPid(name) === undefined) {
    for (const [port, variable] of [
      [infraPorts.kafka, 'INFRA_KAFKA_PORT'],
      [infraPorts.kafkaController, 'INFRA_KAFKA_CONTROLLER_PORT'],
    ] as const) {
      if (await isPortOpen(loopback, port)) {
        throw new Error(
          `port ${port} is taken by a process infra did not start; stop it or set ${variable}`,
        );
      }
    }
    await startBroker();
  } else {
    await waitFor(answers, {
      what: `kafka on ${brokers}`,
      timeoutMs: startTimeoutMs,
      intervalMs: 500,
    });
  }
  await ensurePlatformTopics();
  return status();
}

/** The local single-node broker (KRaft), its jars from Maven Central; see infra/kafka/README.md. */
export const kafka: InfraComponent & {
  brokers: string;
  restart(): Promise<void>;
  kill(): Promise<void>;
} = {
  name,
  brokers,
  up,
  status,
  async down() {
    // SIGTERM: Kafka's shutdown hook does a controlled shutdown and flushes the logs.
    await stopDaemon(name, 60_000);
  },
  async restart() {
    await kafka.down();
    await kafka.up();
  },
  async kill() {
    await killDaemon(name);
  },
};
