import 'reflect-metadata';
import { randomBytes } from 'node:crypto';
import type { INestApplication } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { setTopicNamespace, topicNamespace } from '@threadline/contracts';
import { IdentityModule, loadIdentityConfig } from '@threadline/identity';
import { createKafka } from '@threadline/kafka-client';
import mongoose from 'mongoose';
import { runForkedLoad } from '../forked-load';
import { platformTopicsUnder } from '../namespaced-topics';
import type { Comparison, Figure } from '../measure';
import { compare } from '../measure';
import { ConstantServerModule } from './constant-server';
import type { LoadRequest, LoadResult } from './load-generator';

export interface AuthBenchOptions {
  kafkaBrokers: string;
  mongodbUri: string;
  runId: string;
  /** Returning users, each bound to its own security hash before the measurement. */
  users: number;
  durationSeconds: number;
  connections: number;
}

export interface AuthBenchResult {
  baselines: Figure[];
  comparisons: Comparison[];
}

const widgetAuthPath = '/internal/widget/auth';

/** Listens on a free loopback port the way the services and their tests do (Express adapter). */
async function listenOnLoopback(
  rootModule: unknown,
): Promise<{ app: INestApplication; url: string }> {
  const app = await NestFactory.create(rootModule as never, { logger: false });
  await app.listen(0, '127.0.0.1');
  return { app, url: (await app.getUrl()).replace('[::1]', '127.0.0.1') };
}

/** autocannon in a second process, so that load and server do not share one event loop. */
function generateLoad(request: LoadRequest): Promise<LoadResult> {
  return runForkedLoad(require.resolve('./load-generator'), request);
}

async function postJson(
  url: string,
  body: unknown,
): Promise<{ status: number; body: Record<string, unknown> }> {
  const response = await fetch(url, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify(body),
  });
  const text = await response.text();
  return {
    status: response.status,
    body: text ? (JSON.parse(text) as Record<string, unknown>) : {},
  };
}

function expectStatus(what: string, answer: { status: number; body: unknown }, status: number) {
  if (answer.status !== status) {
    throw new Error(`${what}: HTTP ${answer.status} ${JSON.stringify(answer.body)}`);
  }
}

/** Sets up an organization, an application, and `users` users, each with a bound security hash. */
async function bindUsers(url: string, runId: string, users: number): Promise<string[]> {
  const domain = `bench-${runId}.example`;
  expectStatus(
    'register organization',
    await postJson(`${url}/internal/organizations`, { domain, name: 'Bench' }),
    201,
  );
  const registered = await postJson(`${url}/internal/applications`, {
    domain,
    name: 'Bench site',
    allowedOrigins: ['https://bench.example'],
  });
  expectStatus('register application', registered, 201);
  const { applicationId, applicationSecret } = registered.body as {
    applicationId: string;
    applicationSecret: string;
  };
  const init = (userId: string, securityHash: string, deviceToken?: string) => ({
    organizationDomain: domain,
    applicationId,
    applicationSecret,
    user: { user_id: userId, security_hash: securityHash },
    ...(deviceToken === undefined ? {} : { deviceToken }),
  });

  // Widget auth reads the application from its projection: wait until the first init passes.
  const deadline = Date.now() + 60_000;
  const bodies: string[] = [];
  for (let i = 0; i < users; i++) {
    const userId = `bench-user-${i}`;
    const securityHash = randomBytes(24).toString('hex');
    let first = await postJson(`${url}${widgetAuthPath}`, init(userId, securityHash));
    while (i === 0 && first.status === 401 && Date.now() < deadline) {
      await new Promise((resolve) => setTimeout(resolve, 200));
      first = await postJson(`${url}${widgetAuthPath}`, init(userId, securityHash));
    }
    expectStatus(`first init of ${userId}`, first, 200);
    bodies.push(
      JSON.stringify(init(userId, securityHash, first.body.deviceToken as string | undefined)),
    );
  }
  return bodies;
}

/** Drops the run's database and deletes its topics; what fails to go is left, not fatal. */
async function removeRunData(
  options: Pick<AuthBenchOptions, 'kafkaBrokers' | 'mongodbUri' | 'runId'>,
  database: string,
  topics: string[],
): Promise<void> {
  const db = await mongoose
    .createConnection(options.mongodbUri, { dbName: database, retryWrites: false })
    .asPromise();
  await db.dropDatabase().catch(() => undefined);
  await db.close();
  const admin = createKafka({
    clientId: `bench-auth-${options.runId}`,
    brokers: options.kafkaBrokers.split(','),
    logLevel: 'error',
  }).admin();
  await admin.deleteTopics(topics).catch(() => undefined);
  await admin.disconnect();
}

/**
 * Widget authentication of returning users with a bound `security_hash` (S6), over HTTP on
 * loopback, beside the same Nest/Express stack answering a constant, both driven by autocannon
 * from a second process with the same connections, duration and bodies.
 */
export async function runAuthBenchmarks(options: AuthBenchOptions): Promise<AuthBenchResult> {
  const { durationSeconds, connections } = options;
  const load = (url: string, bodies: string[]) =>
    generateLoad({ url, path: widgetAuthPath, bodies, durationSeconds, connections });
  const secret = (label: string) => `${label}:${randomBytes(24).toString('hex')}`;

  // The service runs in this process on topics, groups and a database of the run, never on those
  // of a product using the same broker and store. Its config sets this process's topic namespace.
  const ownNamespace = topicNamespace();
  const namespace = `bench-auth-${options.runId}.`.toLowerCase();
  const database = `bench_identity_${options.runId}`;
  let product: LoadResult;
  let bodies: string[];
  try {
    const identity = await listenOnLoopback(
      IdentityModule.forRoot(
        loadIdentityConfig({
          KAFKA_BROKERS: options.kafkaBrokers,
          MONGODB_URI: options.mongodbUri,
          MONGODB_DATABASE: database,
          TOPIC_NAMESPACE: namespace,
          PROJECTION_GROUP_PREFIX: `bench-auth-${options.runId}`,
          LOG_LEVEL: 'silent',
          IDENTITY_MASTER_KEY: randomBytes(32).toString('hex'),
          IDENTITY_HASH_PEPPER: randomBytes(32).toString('hex'),
          IDENTITY_SESSION_KEY: secret('bench'),
        }),
      ),
    );
    try {
      bodies = await bindUsers(identity.url, options.runId, options.users);
      product = await load(identity.url, bodies);
    } finally {
      await identity.app.close();
    }
  } finally {
    setTopicNamespace(ownNamespace);
    await removeRunData(options, database, platformTopicsUnder(namespace));
  }
  if (product.non2xx > 0 || product.errors > 0) {
    throw new Error(
      `widget auth answered ${product.non2xx} non-2xx and ${product.errors} errors of ${product.total}`,
    );
  }

  const constant = await listenOnLoopback(ConstantServerModule);
  let raw: LoadResult;
  try {
    raw = await load(constant.url, bodies);
  } finally {
    await constant.app.close();
  }

  const baselineRate: Figure = {
    name: 'Nest/Express constant answer, HTTP on loopback',
    value: raw.requestsPerSecond,
    unit: 'req/s',
  };
  const baselineP99: Figure = {
    name: 'Nest/Express constant answer p99',
    value: raw.p99Ms,
    unit: 'ms',
  };
  const label = `returning-user widget auth, bound security_hash (${options.users} users, ${connections} connections)`;
  return {
    baselines: [baselineRate, baselineP99],
    comparisons: [
      compare({ name: label, value: product.requestsPerSecond, unit: 'auths/s' }, baselineRate),
      compare({ name: `${label} p99`, value: product.p99Ms, unit: 'ms' }, baselineP99),
    ],
  };
}
