import type { ReplayReport } from '@threadline/eventing';
import { loadOpsConfig, serviceDatabase } from './ops-config';
import { formatReplaySummary } from './replay-summary';

const aReport = (overrides: Partial<ReplayReport> = {}): ReplayReport => ({
  service: 'conversation',
  projection: 'stream-catalog',
  liveCollection: 'stream_catalog',
  rebuiltCollection: 'stream_catalog',
  endOffsets: [],
  records: 18,
  events: { applied: 16, afterUntil: 0, unknownType: 1, rejected: 1 },
  durationMs: 1_500,
  live: { count: 6, hash: 'a'.repeat(64) },
  rebuilt: { count: 6, hash: 'a'.repeat(64) },
  matched: true,
  swapped: true,
  caughtUp: 0,
  ...overrides,
});

describe('replay summary', () => {
  it('given a full replay that matched, then it says so and that it swapped', () => {
    expect(formatReplaySummary(aReport())).toBe(
      [
        'replay of conversation/stream-catalog (full)',
        '  events     16 applied, 0 after --until, 1 of unknown type, 1 rejected (18 records)',
        '  duration   1.50 s (12.0 records/s)',
        '  documents  live 6, rebuilt 6',
        `  hash       live    ${'a'.repeat(64)}`,
        `             rebuilt ${'a'.repeat(64)}`,
        '  match      yes',
        '  swapped    yes: stream_catalog is the rebuilt collection now',
      ].join('\n'),
    );
  });

  it('given an --until replay, then it names where the result was kept', () => {
    const summary = formatReplaySummary(
      aReport({
        until: '2026-11-23T10:00:00.000Z',
        rebuiltCollection: 'stream_catalog__as_of_x',
        matched: false,
        swapped: false,
        rebuilt: { count: 5, hash: 'b'.repeat(64) },
        caughtUp: 0,
      }),
    );
    expect(summary).toContain('(as of 2026-11-23T10:00:00.000Z)');
    expect(summary).toContain('  match      no');
    expect(summary).toContain('  swapped    no: kept as stream_catalog__as_of_x');
  });
});

describe('operator config', () => {
  it('given nothing, then it uses the local infra', () => {
    expect(loadOpsConfig({})).toEqual({
      kafkaBrokers: ['127.0.0.1:9092'],
      mongodbUri: 'mongodb://127.0.0.1:27017/',
    });
  });

  it('given a bad store URI, then it names the variable', () => {
    expect(() => loadOpsConfig({ MONGODB_URI: 'postgres://x' })).toThrow(/^MONGODB_URI: /);
  });

  it('given a database and a topic prefix, then the replay uses them instead of the defaults', () => {
    expect(
      loadOpsConfig({ MONGODB_DATABASE: 'replay_test_1', REPLAY_TOPIC_PREFIX: 'replay-test-1.' }),
    ).toMatchObject({ mongodbDatabase: 'replay_test_1', topicPrefix: 'replay-test-1.' });
    expect(() => loadOpsConfig({ REPLAY_TOPIC_PREFIX: 'a topic/' })).toThrow(
      /^REPLAY_TOPIC_PREFIX: /,
    );
  });

  it('names the database as the services do', () => {
    expect(serviceDatabase('contact')).toBe('threadline_contact');
  });
});
