import { join } from 'node:path';
import { createKafka, type KafkaClient } from '@threadline/kafka-client';
import { assertBuiltPackage, endpointsFromEnv, uniqueName } from '@threadline/testing';
import { auditTopics } from '../src/audit-source';
import { auditHistory } from './support/audit-history';

import { runCli as runCliProcess } from './support/run-cli';

const packageDir = join(__dirname, '..');
const cli = join(packageDir, 'dist', 'audit-cli.js');

const runCli = (args: string[], env: NodeJS.ProcessEnv) => runCliProcess(cli, args, env, 60_000);

/**
 * S16 end to end: a scripted history is written to the three topics (of this test) as the relays
 * write them, and the audit CLI, run as a process, prints exactly it, at several points in time.
 */
describe('audit CLI, run as a process against real Kafka', () => {
  const { kafkaBrokers } = endpointsFromEnv();
  const prefix = `${uniqueName('audit-cli')}.`;
  const topics = auditTopics(prefix);
  const app = uniqueName('app');
  const { events, expectedAsOf } = auditHistory(app, `${app}-other`);
  const env: NodeJS.ProcessEnv = {
    PATH: process.env.PATH,
    KAFKA_BROKERS: kafkaBrokers,
    AUDIT_TOPIC_PREFIX: prefix,
  };
  let kafka: KafkaClient;
  const audit = (...args: string[]) => runCli(['--app', app, '--user', 'ann', ...args], env);
  const lines = (stdout: string) => stdout.split('\n').filter(Boolean);

  beforeAll(async () => {
    assertBuiltPackage(packageDir, 'npx turbo run build --filter=@threadline/ops...');
    kafka = createKafka({
      clientId: uniqueName('audit-cli'),
      brokers: kafkaBrokers.split(','),
      logLevel: 'error',
    });
    const admin = kafka.admin();
    try {
      await admin.ensureTopics(
        topics.map((topic) => ({ topic, partitions: 3, configs: { 'retention.ms': '-1' } })),
      );
    } finally {
      await admin.disconnect();
    }
    const producer = kafka.producer();
    try {
      for (const topic of topics) {
        const service = topic.slice(prefix.length).split('.')[0];
        const records = events
          .filter((e) => e.type.startsWith(`${service}.`))
          .map((e) => ({
            key: e.streamId,
            value: JSON.stringify(e),
            headers: { type: e.type, version: String(e.version), eventId: e.eventId },
          }));
        // Unreadable records on the log are passed over, not fatal.
        await producer.send(topic, [...records, { key: 'junk', value: 'not an event' }]);
      }
    } finally {
      await producer.disconnect();
    }
  });

  afterAll(async () => {
    const admin = kafka.admin();
    await admin.deleteTopics(topics).catch(() => undefined);
    await admin.disconnect();
  });

  it('prints the whole timeline of the user, exactly, in time order', async () => {
    const run = await audit();
    expect({ code: run.code, lines: lines(run.stdout) }).toEqual({
      code: 0,
      lines: expectedAsOf(),
    });
    expect(run.stderr).toContain('3 unreadable records passed over');
  });

  it.each(['09:30:00.000', '10:00:00.500', '10:00:01.200', '10:06:00.000', '11:45:00.000'])(
    'prints the timeline as of %s',
    async (time) => {
      const run = await audit('--as-of', `2026-11-23T${time}Z`);
      const expected = expectedAsOf(time);
      expect(run.code).toBe(0);
      expect(lines(run.stdout)).toEqual(
        expected.length > 0
          ? expected
          : [`no events for user "ann" of application ${app} as of 2026-11-23T${time}Z`],
      );
    },
  );

  it('--json prints the selected envelopes, secrets cut short', async () => {
    const run = await audit('--json', '--as-of', '2026-11-23T10:00:00.500+00:00');
    const printed = lines(run.stdout).map(
      (line) => JSON.parse(line) as { type: string; payload: object },
    );
    expect(printed.map((e) => e.type)).toEqual([
      'identity.user-authenticated',
      'identity.hash-bound',
    ]);
    expect(printed[1]?.payload).toEqual({ userId: 'ann', keyedHash: 'hmac-sha…' });
  });

  it('bad arguments exit 2 naming the field; a user without events exits 0 with an empty timeline', async () => {
    const bad = await runCli(['--app', app, '--user', 'ann', '--as-of', 'noon'], env);
    expect(bad.code).toBe(2);
    expect(bad.stderr).toContain('--as-of: must be an ISO 8601 date-time');
    const missing = await runCli(['--user', 'ann'], env);
    expect({ code: missing.code, stderr: missing.stderr }).toMatchObject({
      code: 2,
      stderr: expect.stringContaining('--app is required'),
    });
    const nobody = await runCli(['--app', app, '--user', 'nobody'], env);
    expect({ code: nobody.code, stdout: nobody.stdout }).toEqual({
      code: 0,
      stdout: `no events for user "nobody" of application ${app}\n`,
    });
  });
});
