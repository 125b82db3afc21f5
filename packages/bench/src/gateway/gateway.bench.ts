import { createKafka } from '@threadline/kafka-client';
import { runForkedLoad } from '../forked-load';
import { platformTopicsUnder } from '../namespaced-topics';
import { compare, percentile, type Comparison, type Figure } from '../measure';
import { rawProduceConsumeLatency } from '../conversation/produce-consume-latency';
import { startBackendServices } from './backend-services';
import type { DeliveryLatencyRequest, DeliveryLatencyResult } from './delivery-latency.load';
import type { FanOutRequest, FanOutResult } from './fan-out.load';
import {
  deliveryComparisons,
  fanOutFigures,
  idleFigures,
  type RawLatency,
} from './gateway.figures';
import type { IdleSocketsRequest, IdleSocketsResult } from './idle-sockets.load';
import { mib, residentMemoryOf } from './process-memory';
import { startServiceChild, type ServiceChild } from './service-child';
import { devicesOf, initWidgetSessions, registerTenant } from './widget-sessions.setup';

export interface GatewayBenchOptions {
  kafkaBrokers: string;
  mongodbUri: string;
  runId: string;
  /** Offered message rates of the delivery latency run, e.g. [100, 1000]. */
  rates: number[];
  /** How long each rate is offered (rate × seconds messages at most). */
  seconds: number;
  /** Idle authenticated sockets opened to one gateway process, e.g. 10,000. */
  idleSockets: number;
  /** Sockets of one contact that each message fans out to, e.g. 1,000. */
  fanOutSockets: number;
  fanOutRounds: number;
  log?: (line: string) => void;
}

export interface GatewayBenchResult {
  baselines: Figure[];
  comparisons: Comparison[];
  /** Raw kafkajs produce→consume records/s at each offered rate, in the order of `rates`. */
  rawDelivery: { rate: number; throughput: Figure }[];
}

/** Users sending in the latency run; each has a sending device and a receiving one. */
const latencyUsers = 20;
/** Sessions the idle sockets share (one token may hold many sockets). */
const idleSessions = 20;
/** Devices of the fan-out contact whose sessions hold its sockets. */
const fanOutDevices = 10;
const holdSeconds = 10;
const connectConcurrency = 200;
const maxInFlight = 64;

const load = {
  idle: (request: IdleSocketsRequest) =>
    runForkedLoad<IdleSocketsRequest, IdleSocketsResult>(
      require.resolve('./idle-sockets.load'),
      request,
    ),
  fanOut: (request: FanOutRequest) =>
    runForkedLoad<FanOutRequest, FanOutResult>(require.resolve('./fan-out.load'), request),
  delivery: (request: DeliveryLatencyRequest) =>
    runForkedLoad<DeliveryLatencyRequest, DeliveryLatencyResult>(
      require.resolve('./delivery-latency.load'),
      request,
    ),
};

function checkIdle(what: string, result: IdleSocketsResult, wanted: number): void {
  if (result.failed > 0) {
    throw new Error(
      `${what}: ${result.failed} of ${wanted} sockets did not open; first: ${result.firstFailure}`,
    );
  }
}

/**
 * Issue 8's gateway figures, each beside a raw baseline of the same run: message accept → the
 * frame on another device's socket at offered rates (beside raw kafkajs produce→consume at the
 * same rate); idle authenticated sockets held by one gateway process and its RSS (beside the bare
 * `ws` library); one message fanned out to many sockets (beside a bare `ws` broadcast). The
 * gateway and the raw server each run alone in a child process, whose RSS is read from /proc; the
 * load comes from another child; identity, contact and conversation run in this process.
 */
export async function runGatewayBenchmarks(
  options: GatewayBenchOptions,
): Promise<GatewayBenchResult> {
  const log = options.log ?? (() => undefined);
  const baselines: Figure[] = [];
  const comparisons: Comparison[] = [];
  const rawDelivery: GatewayBenchResult['rawDelivery'] = [];
  const kafka = createKafka({
    clientId: `bench-gateway-${options.runId}`,
    brokers: options.kafkaBrokers.split(','),
    logLevel: 'error',
  });
  const admin = kafka.admin();
  const namespace = `bench-gw-${options.runId}.`.toLowerCase();
  const rawTopics = options.rates.map(
    (rate) => `bench-${options.runId}.gw-produce-consume-${rate}`,
  );
  const children: ServiceChild[] = [];
  let backend: Awaited<ReturnType<typeof startBackendServices>> | undefined;
  let namespacedTopics: string[] = [];
  try {
    // Raw baselines first, with nothing else running.
    await admin.ensureTopics(
      rawTopics.map((topic) => ({ topic, partitions: 3, configs: { 'retention.ms': '-1' } })),
    );
    const rawLatency = new Map<number, RawLatency>();
    for (const [i, rate] of options.rates.entries()) {
      const raw = await rawProduceConsumeLatency(kafka, {
        topic: rawTopics[i] as string,
        groupId: `bench-gw-produce-consume-${options.runId}-${rate}`,
        records: Math.round(rate * options.seconds),
        connections: 16,
        keys: latencyUsers,
        recordsPerSecond: rate,
      });
      rawLatency.set(rate, raw);
      rawDelivery.push({ rate, throughput: raw.throughput });
      baselines.push(raw.throughput, raw.p50, raw.p99);
    }

    const rawServer = await startServiceChild(require.resolve('./raw-ws-server.child'), {});
    children.push(rawServer);
    const rawIdle = await load.idle({
      url: rawServer.url,
      serverPid: rawServer.pid,
      tokens: ['raw'],
      sockets: options.idleSockets,
      holdSeconds,
      concurrency: connectConcurrency,
    });
    checkIdle('raw ws server', rawIdle, options.idleSockets);
    const rawFanOut = await load.fanOut({
      url: rawServer.url,
      sendPath: '/broadcast',
      receiverTokens: ['raw'],
      sockets: options.fanOutSockets,
      rounds: options.fanOutRounds,
      warmUpRounds: 3,
      concurrency: connectConcurrency,
      roundTimeoutMs: 10_000,
      runId: options.runId,
    });
    await rawServer.stop();
    children.pop();
    const rawIdleFigures = idleFigures('raw ws server (bare Node HTTP + ws)', rawIdle);
    const rawFanOutFigures = fanOutFigures('raw ws broadcast (bare Node HTTP + ws)', rawFanOut);
    baselines.push(
      rawIdleFigures.held,
      rawIdleFigures.rss,
      rawIdleFigures.perThousand,
      rawFanOutFigures.p50,
      rawFanOutFigures.p99,
    );

    namespacedTopics = platformTopicsUnder(namespace);
    backend = await startBackendServices({ ...options, topicNamespace: namespace });
    const upstream = {
      IDENTITY_URL: backend.identityUrl,
      CONTACT_URL: backend.contactUrl,
      CONVERSATION_URL: backend.conversationUrl,
    };
    const gatewayEnv = (instance: string) => ({
      PORT: '0',
      KAFKA_BROKERS: options.kafkaBrokers,
      TOPIC_NAMESPACE: namespace,
      LOG_LEVEL: 'silent',
      ...upstream,
      GATEWAY_INSTANCE_ID: `bench-${options.runId}-${instance}`,
      // One loopback address and a few sessions carry the whole load: the limits are not measured.
      GATEWAY_RATE_LIMIT_PER_ADDRESS: '100000000',
      GATEWAY_RATE_LIMIT_PER_TOKEN: '100000000',
      GATEWAY_WS_FRAMES_PER_10S: '100000',
    });
    const gateway = await startServiceChild(require.resolve('./gateway.child'), gatewayEnv('a'));
    children.push(gateway);
    const booted = residentMemoryOf(gateway.pid);
    log(
      `gateway process ${gateway.pid} up at ${gateway.url}, RSS ${mib(booted.rssKiB).toFixed(0)} MiB`,
    );

    const tenant = await registerTenant(backend.identityUrl, options.runId);
    const users = [
      ...Array.from({ length: latencyUsers }, (_, u) => devicesOf(`latency-${u}`, 2)),
      ...Array.from({ length: idleSessions }, (_, u) => devicesOf(`idle-${u}`, 1)),
      devicesOf('fan-out', fanOutDevices + 1),
    ];
    const tokens = await initWidgetSessions(gateway.url, tenant, users);
    const latencyTokens = tokens.slice(0, latencyUsers);
    const idleTokens = tokens.slice(latencyUsers, latencyUsers + idleSessions).flat();
    const [fanOutSender, ...fanOutReceivers] = tokens.at(-1) as string[];
    log(`${tokens.flat().length} widget sessions on application ${tenant.applicationId}`);

    const idle = await load.idle({
      url: gateway.url,
      serverPid: gateway.pid,
      tokens: idleTokens,
      sockets: options.idleSockets,
      holdSeconds,
      concurrency: connectConcurrency,
    });
    log(
      `idle: ${idle.held} of ${options.idleSockets} held (${idle.failed} refused${idle.firstFailure ? `: ${idle.firstFailure}` : ''}), opened in ${idle.openSeconds.toFixed(1)} s; gateway RSS ${mib(idle.before.rssKiB).toFixed(0)} → ${mib(idle.holding.rssKiB).toFixed(0)} MiB, peak ${mib(idle.holding.peakKiB).toFixed(0)} MiB (raw ws ${mib(rawIdle.before.rssKiB).toFixed(0)} → ${mib(rawIdle.holding.rssKiB).toFixed(0)} MiB)`,
    );
    const gatewayIdle = idleFigures('gateway process', idle);
    comparisons.push(
      compare(gatewayIdle.held, rawIdleFigures.held),
      compare(gatewayIdle.rss, rawIdleFigures.rss),
      compare(gatewayIdle.perThousand, rawIdleFigures.perThousand),
    );

    const fanOut = await load.fanOut({
      url: gateway.url,
      sendPath: '/api/widget/messages',
      senderToken: fanOutSender as string,
      receiverTokens: fanOutReceivers,
      sockets: options.fanOutSockets,
      rounds: options.fanOutRounds,
      warmUpRounds: 3,
      concurrency: connectConcurrency,
      roundTimeoutMs: 30_000,
      runId: options.runId,
    });
    log(
      `fan-out: last receipt per round ${fanOut.lastReceipt.map((ms) => ms.toFixed(0)).join(', ')} ms`,
    );
    const gatewayFanOut = fanOutFigures('gateway', fanOut);
    comparisons.push(
      compare(gatewayFanOut.p50, rawFanOutFigures.p50),
      compare(gatewayFanOut.p99, rawFanOutFigures.p99),
    );

    // A second gateway process, started after the memory figures: a device whose socket is on
    // it gets a message accepted by the first only through Kafka.
    const otherGateway = await startServiceChild(
      require.resolve('./gateway.child'),
      gatewayEnv('b'),
    );
    children.push(otherGateway);
    const placements = [
      { placement: 'on the same gateway', receiverUrl: gateway.url },
      { placement: 'on another gateway process', receiverUrl: otherGateway.url },
    ];
    for (const rate of options.rates)
      for (const { placement, receiverUrl } of placements) {
        const result = await load.delivery({
          url: gateway.url,
          receiverUrl,
          users: latencyTokens.map(([senderToken, receiverToken]) => ({
            senderToken: senderToken as string,
            receiverToken: receiverToken as string,
          })),
          messagesPerSecond: rate,
          seconds: options.seconds,
          maxInFlight,
          drainSeconds: 30,
          runId: `${options.runId}r${rate}${receiverUrl === gateway.url ? 's' : 'o'}`,
        });
        log(
          `delivery at ${rate}/s offered, receiver ${placement}: ${result.sent} of ${result.offered} sent, ${result.accepted} accepted, ${result.failed} refused${result.firstFailure ? ` (${result.firstFailure})` : ''}, ${result.delivered} delivered; send → 201 p50 ${percentile(result.acceptLatencies, 50).toFixed(0)} ms, p99 ${percentile(result.acceptLatencies, 99).toFixed(0)} ms`,
        );
        comparisons.push(
          ...deliveryComparisons(rate, result, rawLatency.get(rate) as RawLatency, placement),
        );
      }
    const end = residentMemoryOf(gateway.pid);
    log(
      `gateway RSS at the end ${mib(end.rssKiB).toFixed(0)} MiB, peak ${mib(end.peakKiB).toFixed(0)} MiB`,
    );
    return { baselines, comparisons, rawDelivery };
  } finally {
    for (const child of children.reverse()) await child.stop().catch(() => undefined);
    await backend?.close().catch(() => undefined);
    await admin.deleteTopics([...rawTopics, ...namespacedTopics]).catch(() => undefined);
    await admin.disconnect();
  }
}
