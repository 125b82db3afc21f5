import { fork, type ChildProcess } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { request } from 'node:http';
import { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { contactIdOf } from '@threadline/contracts';
import { stackServices } from '@threadline/infra';
import { createKafka } from '@threadline/kafka-client';
import mongoose from 'mongoose';
import { compare, type Comparison, type Figure } from '../measure';
import { benchUserId, csvChunks } from './csv-rows.generator';
import { rawContactInsertMany } from './raw-contact-insert';

export interface CsvImportBenchOptions {
  kafkaBrokers: string;
  mongodbUri: string;
  runId: string;
  /** Generated CSV rows, e.g. 100,000 or 1,000,000. */
  rows: number;
  /** Progress lines on stdout; default none. */
  log?: (line: string) => void;
}

export interface CsvImportBenchResult {
  baselines: Figure[];
  comparisons: Comparison[];
}

interface ImportAnswer {
  status: number;
  body: { state?: string; rowsImported?: number; errorCount?: number; failure?: string };
}

const applicationId = 'bench-app';

/** Starts the contact service in a child process and waits for its URL. */
function startChild(env: NodeJS.ProcessEnv): Promise<{ child: ChildProcess; url: string }> {
  return new Promise((resolve, reject) => {
    // With the flags `npm start` gives the contact service (its heap budget).
    const contact = stackServices.find((service) => service.name === 'contact');
    const child = fork(require.resolve('./contact-service.child'), [], {
      env: { ...process.env, ...env },
      execArgv: [...process.execArgv, ...(contact?.nodeArgs ?? [])],
      stdio: 'inherit',
    });
    child.once('message', (message: { url?: string }) => {
      if (message.url) resolve({ child, url: message.url });
      else reject(new Error('contact service child answered without a URL'));
    });
    child.once('error', reject);
    child.once('exit', (code) => reject(new Error(`contact service child exited with ${code}`)));
  });
}

function stopChild(child: ChildProcess): Promise<number> {
  return new Promise((resolve, reject) => {
    child.removeAllListeners('exit');
    child.once('message', (message: { maxRssKiB?: number }) => resolve(message.maxRssKiB ?? 0));
    child.once('exit', (code) => {
      if (code !== 0) reject(new Error(`contact service child exited with ${code}`));
    });
    child.send('stop');
  });
}

/** VmHWM: the peak resident set of a process, in KiB (Linux). */
function peakRssKiB(pid: number): number {
  const line = readFileSync(`/proc/${pid}/status`, 'utf8')
    .split('\n')
    .find((l) => l.startsWith('VmHWM:'));
  return line ? Number(line.replace(/\D+/g, '')) : 0;
}

function currentRssKiB(pid: number): number {
  const line = readFileSync(`/proc/${pid}/status`, 'utf8')
    .split('\n')
    .find((l) => l.startsWith('VmRSS:'));
  return line ? Number(line.replace(/\D+/g, '')) : 0;
}

/** Streams the generated file as the request body, with backpressure, and reads the answer. */
function postCsv(url: string, rows: number): Promise<ImportAnswer> {
  return new Promise((resolve, reject) => {
    const req = request(`${url}/internal/contacts/${applicationId}/imports`, {
      method: 'POST',
      headers: { 'content-type': 'text/csv' },
    });
    req.once('response', (res) => {
      const chunks: Buffer[] = [];
      res.on('data', (chunk: Buffer) => chunks.push(chunk));
      res.once('end', () => {
        const text = Buffer.concat(chunks).toString('utf8');
        resolve({ status: res.statusCode ?? 0, body: text ? JSON.parse(text) : {} });
      });
      res.once('error', reject);
    });
    req.once('error', reject);
    pipeline(Readable.from(csvChunks(rows)), req).catch(reject);
  });
}

const mib = (kib: number) => kib / 1024;

/**
 * S10 at scale: a generated CSV of `rows` rows streamed to the contact service running in a child
 * process, timed until the import answers (every row validated and recorded) and until the
 * contacts projection holds them all, with the child's peak RSS; beside raw insertMany of
 * contact-shaped documents on the same store in the same run.
 */
export async function runCsvImportBenchmark(
  options: CsvImportBenchOptions,
): Promise<CsvImportBenchResult> {
  const log = options.log ?? (() => undefined);
  const { rows, runId } = options;
  const rawDb = await mongoose
    .createConnection(options.mongodbUri, {
      dbName: `bench_contact_raw_${runId}`,
      retryWrites: false,
    })
    .asPromise();
  let raw: Figure;
  try {
    log(`  raw insertMany of ${rows} contact-shaped documents...`);
    raw = await rawContactInsertMany(rawDb, 'contacts', rows);
  } finally {
    await rawDb.dropDatabase();
    await rawDb.close();
  }

  const topics = {
    IDENTITY_EVENTS_TOPIC: `bench-identity-${runId}`,
    CONVERSATION_EVENTS_TOPIC: `bench-conversation-${runId}`,
    CONTACT_EVENTS_TOPIC: `bench-contact-${runId}`,
  };
  const kafka = createKafka({
    clientId: `bench-csv-${runId}`,
    brokers: options.kafkaBrokers.split(','),
    logLevel: 'error',
  });
  const admin = kafka.admin();
  await admin.ensureTopics(
    Object.values(topics).map((topic) => ({
      topic,
      partitions: 3,
      configs: { 'retention.ms': '-1' },
    })),
  );
  const database = `bench_contact_${runId}`;
  const { child, url } = await startChild({
    KAFKA_BROKERS: options.kafkaBrokers,
    MONGODB_URI: options.mongodbUri,
    MONGODB_DATABASE: database,
    PROJECTION_GROUP_PREFIX: `bench-${runId}`,
    LOG_LEVEL: 'warn',
    ...topics,
  });
  const pid = child.pid as number;
  const db = await mongoose
    .createConnection(options.mongodbUri, { dbName: database, retryWrites: false })
    .asPromise();
  let ingestMs: number;
  let projectedMs: number;
  let idleRss: number;
  let peakRss: number;
  try {
    idleRss = currentRssKiB(pid);
    const started = Date.now();
    const sampler = setInterval(
      () => log(`  ... child RSS ${mib(currentRssKiB(pid)).toFixed(0)} MiB`),
      15_000,
    );
    let answer: ImportAnswer;
    try {
      answer = await postCsv(url, rows);
    } finally {
      clearInterval(sampler);
    }
    ingestMs = Date.now() - started;
    if (
      answer.status !== 202 ||
      answer.body.state !== 'done' ||
      answer.body.rowsImported !== rows
    ) {
      throw new Error(`import answered ${answer.status} ${JSON.stringify(answer.body)}`);
    }
    log(
      `  import recorded ${rows} rows in ${(ingestMs / 1000).toFixed(1)} s; waiting for the projection...`,
    );
    // The import's events are one stream, applied in order: once the file's last contact is in
    // the projection, every earlier one is. A lookup by _id is cheap; counting 1,000,000 documents
    // on FerretDB takes seconds, and polling with it would time the count, not the projection.
    const contacts = db.collection<{ _id: string }>('contacts');
    const last = contactIdOf(applicationId, { kind: 'user', userId: benchUserId(rows - 1) });
    while (!(await contacts.findOne({ _id: last }, { projection: { _id: 1 } }))) {
      if (Date.now() - started > 60 * 60_000) throw new Error(`projection stuck before ${last}`);
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
    projectedMs = Date.now() - started;
    const count = await contacts.countDocuments({});
    if (count !== rows) throw new Error(`the projection holds ${count} contacts of ${rows}`);
    peakRss = peakRssKiB(pid);
    const reported = await stopChild(child);
    peakRss = Math.max(peakRss, reported);
  } finally {
    if (child.exitCode === null) child.kill('SIGTERM');
    await db.dropDatabase().catch(() => undefined);
    await db.close();
    await admin.deleteTopics(Object.values(topics)).catch(() => undefined);
    await admin.disconnect();
  }

  const idle: Figure = {
    name: 'contact service RSS at rest, same process',
    value: mib(idleRss),
    unit: 'MiB',
  };
  const label = `CSV import of ${rows.toLocaleString('en-US')} rows`;
  return {
    baselines: [raw, idle],
    comparisons: [
      compare(
        { name: `${label}, recorded (202)`, value: rows / (ingestMs / 1000), unit: 'rows/s' },
        raw,
      ),
      compare(
        {
          name: `${label}, in the contacts projection`,
          value: rows / (projectedMs / 1000),
          unit: 'rows/s',
        },
        raw,
      ),
      compare(
        { name: `${label}, contact service peak RSS (VmHWM)`, value: mib(peakRss), unit: 'MiB' },
        idle,
      ),
    ],
  };
}
