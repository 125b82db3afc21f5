import { parseArgs } from 'node:util';
import { ApplicationId, UserId } from '@threadline/contracts';
import { z } from 'zod';

export const auditUsage = `usage: npm run audit -- --app <applicationId> --user <user_id> [--as-of <ISO time>] [--json]

Prints a user's whole timeline, read from the log (identity.events, contact.events,
conversation.events from offset 0 to their ends now), never from a read model: authentications,
hash binding, refusals, session ends, profile changes, messages, and the anonymous conversation
merged into the user's thread (S16). One line per event, in time order:
  <occurredAt>  <type>  <summary>
--as-of keeps only what had happened by then; --json prints the selected events as JSON lines.
Secrets (keyed hashes and the like) are never printed in full.

env: KAFKA_BROKERS (default 127.0.0.1:9092),
     AUDIT_TOPIC_PREFIX (prepended to the topics, e.g. a test's own; default none)`;

export interface AuditArgs {
  applicationId: string;
  userId: string;
  asOf?: Date;
  json: boolean;
}

export type ParsedAuditArgs =
  { kind: 'run'; args: AuditArgs } | { kind: 'help' } | { kind: 'invalid'; message: string };

const requiredString = (flag: string) =>
  z.string({ error: (issue) => (issue.input === undefined ? `${flag} is required` : undefined) });

const AuditArgsSchema = z.object({
  app: requiredString('--app').pipe(ApplicationId),
  user: requiredString('--user').pipe(UserId),
  'as-of': z.iso
    .datetime({
      offset: true,
      error: 'must be an ISO 8601 date-time with a zone, such as 2026-11-23T10:00:00Z',
    })
    .transform((value) => new Date(value))
    .optional(),
  json: z.boolean().optional(),
});

const flagOf = (path: readonly PropertyKey[]) => `--${String(path[0] ?? '')}`;

/** Reads the command line; never throws and never exits, so it can be tested as a function. */
export function parseAuditArgs(argv: string[]): ParsedAuditArgs {
  let values: Record<string, string | boolean | undefined>;
  try {
    ({ values } = parseArgs({
      args: argv,
      strict: true,
      allowPositionals: false,
      options: {
        app: { type: 'string' },
        user: { type: 'string' },
        'as-of': { type: 'string' },
        json: { type: 'boolean' },
        help: { type: 'boolean', short: 'h' },
      },
    }));
  } catch (error) {
    return { kind: 'invalid', message: error instanceof Error ? error.message : String(error) };
  }
  if (values.help) return { kind: 'help' };
  const { help: _help, ...rest } = values;
  const result = AuditArgsSchema.safeParse(rest);
  if (!result.success) {
    const message = result.error.issues
      .map((issue) =>
        issue.message.startsWith('--') ? issue.message : `${flagOf(issue.path)}: ${issue.message}`,
      )
      .join('\n');
    return { kind: 'invalid', message };
  }
  const { app, user, json } = result.data;
  const asOf = result.data['as-of'];
  return {
    kind: 'run',
    args: { applicationId: app, userId: user, json: json === true, ...(asOf ? { asOf } : {}) },
  };
}

const AuditEnv = z.object({
  AUDIT_TOPIC_PREFIX: z
    .string()
    .regex(/^[A-Za-z0-9._-]{1,200}$/, 'must be letters, digits, ".", "_" or "-"')
    .optional(),
});

/** The audit's own setting beside the operator tools' (`loadOpsConfig`); throws naming the problem. */
export function auditTopicPrefix(env: Record<string, string | undefined>): string {
  const value = env.AUDIT_TOPIC_PREFIX === '' ? undefined : env.AUDIT_TOPIC_PREFIX;
  const result = AuditEnv.safeParse({ AUDIT_TOPIC_PREFIX: value });
  if (!result.success) {
    throw new Error(result.error.issues.map((i) => `AUDIT_TOPIC_PREFIX: ${i.message}`).join('\n'));
  }
  return result.data.AUDIT_TOPIC_PREFIX ?? '';
}
