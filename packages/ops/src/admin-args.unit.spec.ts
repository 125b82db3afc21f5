import { parseAdminArgs } from './admin-args';

describe('admin command line', () => {
  it('reads create-application with repeated origins and --json', () => {
    expect(
      parseAdminArgs([
        'create-application',
        '--domain',
        'acme.example',
        '--name',
        'Acme site',
        '--origin',
        'https://a.example',
        '--origin',
        'https://b.example',
        '--identity-verification',
        'required',
        '--json',
      ]),
    ).toEqual({
      kind: 'run',
      json: true,
      command: {
        kind: 'create-application',
        domain: 'acme.example',
        name: 'Acme site',
        origins: ['https://a.example', 'https://b.example'],
        identityVerification: 'required',
      },
    });
  });

  it('treats --password generated as no password: the service generates one', () => {
    expect(
      parseAdminArgs([
        'create-agent',
        '--domain',
        'a.example',
        '--email',
        'e@a.example',
        '--name',
        'E',
        '--password',
        'generated',
      ]),
    ).toMatchObject({ kind: 'run', command: { kind: 'create-agent' } });
    const parsed = parseAdminArgs([
      'create-agent',
      '--domain',
      'a.example',
      '--email',
      'e@a.example',
      '--name',
      'E',
    ]);
    expect(parsed.kind === 'run' && 'password' in parsed.command).toBe(false);
  });

  it.each([
    [[], /a command is required/],
    [['drop-everything'], /unknown command "drop-everything"/],
    [['create-organization', '--domain', 'a.example'], /--name is required/],
    [['create-application', '--domain', 'a.example', '--name', 'A'], /--origin is required/],
    [
      ['create-organization', '--domain', 'a', '--name', 'A', '--email', 'x'],
      /--email does not apply/,
    ],
    [['list-applications', '--nope'], /nope/],
  ])('refuses %j as usage', (argv, message) => {
    const parsed = parseAdminArgs(argv as string[]);
    expect(parsed.kind).toBe('invalid');
    expect(parsed.kind === 'invalid' && parsed.message).toMatch(message);
  });
});
