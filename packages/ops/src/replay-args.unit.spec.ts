import { projectionRegistry } from './projection-registry';
import { parseReplayArgs } from './replay-args';

const parse = (...argv: string[]) => parseReplayArgs(argv, projectionRegistry);

describe('replay command line', () => {
  it('given a known service and projection, then it runs a full replay', () => {
    expect(parse('--service', 'conversation', '--projection', 'stream-catalog')).toEqual({
      kind: 'run',
      args: { service: 'conversation', projection: 'stream-catalog' },
    });
  });

  it('given --until with a zone offset, then it is read as that instant', () => {
    expect(
      parse(
        '--service=identity',
        '--projection=stream-catalog',
        '--until=2026-11-23T12:00:00+02:00',
      ),
    ).toEqual({
      kind: 'run',
      args: {
        service: 'identity',
        projection: 'stream-catalog',
        until: new Date('2026-11-23T10:00:00.000Z'),
      },
    });
  });

  it.each([
    [['--projection', 'stream-catalog'], '--service is required'],
    [
      ['--service', 'billing', '--projection', 'stream-catalog'],
      'unknown service "billing" (known: identity, contact, conversation)',
    ],
    [['--service', 'contact'], '--projection is required'],
    [
      ['--service', 'contact', '--projection', 'contact-list'],
      'unknown projection "contact-list" of contact (known: stream-catalog, contacts)',
    ],
    [
      ['--service', 'contact', '--projection', 'stream-catalog', '--until', 'yesterday'],
      '--until: must be an ISO 8601 date-time with a zone, such as 2026-11-23T10:00:00Z',
    ],
    [
      ['--service', 'contact', '--projection', 'stream-catalog', '--until', '2026-11-23T10:00:00'],
      '--until: must be an ISO 8601 date-time with a zone, such as 2026-11-23T10:00:00Z',
    ],
    [
      ['--service', 'contact', '--projection', 'stream-catalog', '--until', '2026-02-30T10:00:00Z'],
      '--until: must be an ISO 8601 date-time with a zone, such as 2026-11-23T10:00:00Z',
    ],
  ])('given %j, then it is refused with a clear message', (argv, message) => {
    expect(parse(...argv)).toEqual({ kind: 'invalid', message });
  });

  it('given an unknown option or a stray argument, then it is refused naming it', () => {
    const unknown = parse('--service', 'contact', '--projection', 'stream-catalog', '--force');
    expect(unknown).toMatchObject({
      kind: 'invalid',
      message: expect.stringContaining("'--force'"),
    });
    expect(parse('contact')).toMatchObject({ kind: 'invalid' });
  });

  it('given --help, then it asks for the usage whatever else is given', () => {
    expect(parse('--help')).toEqual({ kind: 'help' });
    expect(parse('-h', '--service', 'nope')).toEqual({ kind: 'help' });
  });
});
