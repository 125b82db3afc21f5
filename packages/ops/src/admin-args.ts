import { parseArgs } from 'node:util';

export const adminUsage = `usage: npm run admin -- <command> [options] [--json]

  create-organization --domain <domain> --name <name>
  create-application  --domain <domain> --name <name> --origin <https://site> [--origin ...]
                      [--identity-verification none|required]
  create-agent        --domain <domain> --email <email> --name <name> [--password <password>|generated]
  list-applications   --domain <domain>

Secrets (applicationSecret, identity key secret, generated password) are printed once, at creation.
--json prints the service's answer as JSON. Talks to the identity service's internal API at
IDENTITY_URL (default http://127.0.0.1:3001).`;

export type AdminCommand =
  | { kind: 'create-organization'; domain: string; name: string }
  | {
      kind: 'create-application';
      domain: string;
      name: string;
      origins: string[];
      identityVerification: 'none' | 'required';
    }
  | { kind: 'create-agent'; domain: string; email: string; name: string; password?: string }
  | { kind: 'list-applications'; domain: string };

export type ParsedAdminArgs =
  | { kind: 'run'; command: AdminCommand; json: boolean }
  | { kind: 'help' }
  | { kind: 'invalid'; message: string };

const options = {
  domain: { type: 'string' },
  name: { type: 'string' },
  origin: { type: 'string', multiple: true },
  'identity-verification': { type: 'string' },
  email: { type: 'string' },
  password: { type: 'string' },
  json: { type: 'boolean' },
  help: { type: 'boolean', short: 'h' },
} as const;

/** Reads the command line; never throws or exits. Field values are checked by the service. */
export function parseAdminArgs(argv: string[]): ParsedAdminArgs {
  let parsed;
  try {
    parsed = parseArgs({ args: argv, options, strict: true, allowPositionals: true });
  } catch (error) {
    return { kind: 'invalid', message: error instanceof Error ? error.message : String(error) };
  }
  const { values, positionals } = parsed;
  if (values.help) return { kind: 'help' };
  const [name, ...extra] = positionals;
  if (!name) return { kind: 'invalid', message: 'a command is required' };
  if (extra.length > 0) return { kind: 'invalid', message: `unexpected argument "${extra[0]}"` };
  const missing: string[] = [];
  const need = (flag: keyof typeof values): string => {
    const value = values[flag];
    if (typeof value !== 'string' || value === '') {
      missing.push(`--${flag}`);
      return '';
    }
    return value;
  };
  const allowed: Record<string, string[]> = {
    'create-organization': ['domain', 'name'],
    'create-application': ['domain', 'name', 'origin', 'identity-verification'],
    'create-agent': ['domain', 'email', 'name', 'password'],
    'list-applications': ['domain'],
  };
  const flags = allowed[name];
  if (!flags) return { kind: 'invalid', message: `unknown command "${name}"` };
  const stray = Object.keys(values).find((k) => !['json', 'help', ...flags].includes(k));
  if (stray) return { kind: 'invalid', message: `--${stray} does not apply to ${name}` };

  let command: AdminCommand;
  switch (name) {
    case 'create-organization':
      command = { kind: name, domain: need('domain'), name: need('name') };
      break;
    case 'create-application': {
      const verification = values['identity-verification'] ?? 'none';
      if (verification !== 'none' && verification !== 'required') {
        return { kind: 'invalid', message: '--identity-verification must be "none" or "required"' };
      }
      const origins = values.origin ?? [];
      if (origins.length === 0) missing.push('--origin');
      command = {
        kind: name,
        domain: need('domain'),
        name: need('name'),
        origins,
        identityVerification: verification,
      };
      break;
    }
    case 'create-agent': {
      const password = values.password;
      command = {
        kind: name,
        domain: need('domain'),
        email: need('email'),
        name: need('name'),
        ...(password === undefined || password === 'generated' ? {} : { password }),
      };
      break;
    }
    default:
      command = { kind: 'list-applications', domain: need('domain') };
  }
  if (missing.length > 0) {
    return {
      kind: 'invalid',
      message: `${name}: ${missing.join(', ')} ${missing.length > 1 ? 'are' : 'is'} required`,
    };
  }
  return { kind: 'run', command, json: values.json === true };
}
