import { parseArgs } from 'node:util';
import { services, type ServiceName } from '@threadline/contracts';
import { z } from 'zod';
import type { ProjectionRegistry } from './projection-registry';

export const replayUsage = `usage: npm run replay -- --service <${services.join('|')}> --projection <name> [--until <ISO time>]

Rebuilds a projection from offset 0 into a fresh collection and compares it with the live one.
Without --until the rebuilt collection replaces the live one; stop the service's runner first.
With --until only events that occurred at or before that time are applied, and the result is
kept beside the live one, named <collection>__as_of_<time>__built_<time>.

env: KAFKA_BROKERS (default 127.0.0.1:9092), MONGODB_URI (default mongodb://127.0.0.1:27017/),
     MONGODB_DATABASE (default threadline_<service>),
     REPLAY_TOPIC_PREFIX (prepended to the projection's topics, e.g. a test's own; default none)`;

export interface ReplayArgs {
  service: ServiceName;
  projection: string;
  until?: Date;
}

export type ParsedReplayArgs =
  { kind: 'run'; args: ReplayArgs } | { kind: 'help' } | { kind: 'invalid'; message: string };

function replayArgsSchema(registry: ProjectionRegistry) {
  return z
    .object({
      service: z.enum(services, {
        error: (issue) =>
          issue.input === undefined
            ? '--service is required'
            : `unknown service "${String(issue.input)}" (known: ${services.join(', ')})`,
      }),
      projection: z
        .string({ error: '--projection is required' })
        .min(1, '--projection is required'),
      until: z.iso
        .datetime({
          offset: true,
          error: 'must be an ISO 8601 date-time with a zone, such as 2026-11-23T10:00:00Z',
        })
        .transform((value) => new Date(value))
        .optional(),
    })
    .superRefine((args, ctx) => {
      const known = Object.keys(registry[args.service]);
      if (!known.includes(args.projection)) {
        ctx.addIssue({
          code: 'custom',
          path: ['projection'],
          message: `unknown projection "${args.projection}" of ${args.service} (known: ${known.join(', ')})`,
        });
      }
    });
}

/** Reads the command line; never throws and never exits, so it can be tested as a function. */
export function parseReplayArgs(argv: string[], registry: ProjectionRegistry): ParsedReplayArgs {
  let values: Record<string, string | boolean | undefined>;
  try {
    ({ values } = parseArgs({
      args: argv,
      strict: true,
      allowPositionals: false,
      options: {
        service: { type: 'string' },
        projection: { type: 'string' },
        until: { type: 'string' },
        help: { type: 'boolean', short: 'h' },
      },
    }));
  } catch (error) {
    return { kind: 'invalid', message: error instanceof Error ? error.message : String(error) };
  }
  if (values.help) return { kind: 'help' };
  const result = replayArgsSchema(registry).safeParse(values);
  if (!result.success) {
    const message = result.error.issues
      .map((issue) => (issue.path[0] === 'until' ? `--until: ${issue.message}` : issue.message))
      .join('\n');
    return { kind: 'invalid', message };
  }
  const { service, projection, until } = result.data;
  return { kind: 'run', args: { service, projection, ...(until ? { until } : {}) } };
}
