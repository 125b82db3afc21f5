import { auditTopicPrefix, parseAuditArgs } from './audit-args';

describe('audit command line', () => {
  it('given an application and a user, then it runs for them', () => {
    expect(parseAuditArgs(['--app', '100001', '--user', 'user 42/é'])).toEqual({
      kind: 'run',
      args: { applicationId: '100001', userId: 'user 42/é', json: false },
    });
  });

  it('given --as-of with a zone and --json, then they are read as that instant and JSON output', () => {
    expect(
      parseAuditArgs(['--app=1', '--user=u', '--as-of=2026-11-23T12:00:00+02:00', '--json']),
    ).toEqual({
      kind: 'run',
      args: {
        applicationId: '1',
        userId: 'u',
        asOf: new Date('2026-11-23T10:00:00.000Z'),
        json: true,
      },
    });
  });

  it.each([
    [['--user', 'u'], '--app is required'],
    [['--app', '1'], '--user is required'],
    [['--app', '1', '--user', ''], '--user: '],
    [['--app', '1', '--user', 'x'.repeat(256)], '--user: '],
    [['--app', '1', '--user', 'u', '--as-of', 'yesterday'], '--as-of: must be an ISO 8601'],
    [
      ['--app', '1', '--user', 'u', '--as-of', '2026-11-23T10:00:00'],
      '--as-of: must be an ISO 8601',
    ],
    [['--app', '1', '--user', 'u', '--since', 'x'], "Unknown option '--since'"],
    [['--app', '1', '--user', 'u', 'extra'], 'extra'],
  ])('given %j, then it is refused naming the field', (argv, message) => {
    const parsed = parseAuditArgs(argv);
    expect(parsed.kind).toBe('invalid');
    expect(parsed.kind === 'invalid' && parsed.message).toContain(message);
  });

  it('given --help, then it asks for the usage', () => {
    expect(parseAuditArgs(['--help'])).toEqual({ kind: 'help' });
  });

  it('reads the topic prefix from the environment and refuses a bad one', () => {
    expect(auditTopicPrefix({})).toBe('');
    expect(auditTopicPrefix({ AUDIT_TOPIC_PREFIX: 'test-1.' })).toBe('test-1.');
    expect(() => auditTopicPrefix({ AUDIT_TOPIC_PREFIX: 'a b' })).toThrow(/AUDIT_TOPIC_PREFIX/);
  });
});
