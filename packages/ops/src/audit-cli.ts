#!/usr/bin/env node
import { createKafka } from '@threadline/kafka-client';
import { auditTopicPrefix, auditUsage, parseAuditArgs } from './audit-args';
import { auditTopics, readApplicationEvents } from './audit-source';
import {
  emptyTimelineMessage,
  formatTimeline,
  redactedEnvelope,
  selectTimeline,
} from './audit-timeline';
import { loadOpsConfig } from './ops-config';

/** Exit codes: 0 done (an empty timeline included), 1 the log could not be read, 2 bad input. */
async function main(argv: string[], env: NodeJS.ProcessEnv): Promise<number> {
  const parsed = parseAuditArgs(argv);
  if (parsed.kind === 'help') {
    process.stdout.write(`${auditUsage}\n`);
    return 0;
  }
  if (parsed.kind === 'invalid') {
    process.stderr.write(`audit: ${parsed.message}\n\n${auditUsage}\n`);
    return 2;
  }
  let brokers: string[];
  let prefix: string;
  try {
    brokers = loadOpsConfig(env).kafkaBrokers;
    prefix = auditTopicPrefix(env);
  } catch (error) {
    process.stderr.write(`audit: ${(error as Error).message}\n`);
    return 2;
  }
  const query = parsed.args;
  const kafka = createKafka({ clientId: 'threadline-audit', brokers, logLevel: 'error' });
  const read = await readApplicationEvents(kafka, auditTopics(prefix), query.applicationId);
  const timeline = selectTimeline(read.events, query);
  if (read.unreadable > 0) {
    process.stderr.write(`audit: ${read.unreadable} unreadable records passed over\n`);
  }
  if (timeline.length === 0) {
    (query.json ? process.stderr : process.stdout).write(`${emptyTimelineMessage(query)}\n`);
    return 0;
  }
  const lines = query.json
    ? timeline.map((event) => JSON.stringify(redactedEnvelope(event)))
    : formatTimeline(timeline, query);
  process.stdout.write(`${lines.join('\n')}\n`);
  process.stderr.write(`audit: ${timeline.length} events of ${read.records} records read\n`);
  return 0;
}

main(process.argv.slice(2), process.env).then(
  (code) => {
    process.exitCode = code;
  },
  (error: unknown) => {
    process.stderr.write(
      `audit failed: ${error instanceof Error ? error.message : String(error)}\n`,
    );
    process.exitCode = 1;
  },
);
