#!/usr/bin/env node
import { parseArgs } from 'node:util';
import type { ComponentStatus } from './component';
import { ensureInfra, ferretdb, kafka, postgres, stopInfra, type Store } from './index';
import { infraPaths } from './paths';

const usage = `usage: infra <up|down|status|kill <kafka|ferretdb|postgres>> [--store postgresql|sqlite]

  up       build or download what is missing, start Kafka and FerretDB, wait until both answer
  down     stop everything infra started
  status   show what runs and whether it answers
  kill     kill -9 one component, as a crash would (fault tests); \`up\` starts it again
  --store  FerretDB backend for up: postgresql (default; tests and benchmarks) or sqlite (no server)

Logs: ${infraPaths.logs}`;

function parseStore(value: string | undefined): Store {
  const store = value ?? process.env.INFRA_STORE ?? 'postgresql';
  if (store !== 'postgresql' && store !== 'sqlite') {
    throw new UsageError(`--store must be "postgresql" or "sqlite", got "${store}"`);
  }
  return store;
}

class UsageError extends Error {}

function printStatus(statuses: ComponentStatus[]): void {
  for (const s of statuses) {
    const state = s.ready ? 'ready' : s.running ? 'running, not answering' : 'stopped';
    const parts = [
      s.name.padEnd(10),
      state.padEnd(24),
      s.endpoint ?? '',
      s.pid ? `pid ${s.pid}` : '',
      s.detail ?? '',
    ];
    console.log(parts.filter(Boolean).join('  '));
  }
}

async function main(argv: string[]): Promise<number> {
  const { positionals, values } = parseArgs({
    args: argv,
    allowPositionals: true,
    options: { store: { type: 'string' }, help: { type: 'boolean', short: 'h' } },
  });
  const [command] = positionals;
  if (values.help || !command) {
    console.log(usage);
    return command || values.help ? 0 : 2;
  }
  const started = Date.now();
  switch (command) {
    case 'up': {
      const endpoints = await ensureInfra({ store: parseStore(values.store) });
      console.log(`infra up in ${((Date.now() - started) / 1000).toFixed(1)} s`);
      console.log(`KAFKA_BROKERS=${endpoints.kafkaBrokers}`);
      console.log(`MONGODB_URI=${endpoints.mongodbUri}`);
      return 0;
    }
    case 'down':
      await stopInfra();
      console.log(`infra down in ${((Date.now() - started) / 1000).toFixed(1)} s`);
      return 0;
    case 'kill': {
      const target = positionals[1];
      if (target === 'kafka') await kafka.kill();
      else if (target === 'ferretdb') await ferretdb(parseStore(values.store)).kill();
      else if (target === 'postgres') await postgres.kill();
      else throw new UsageError(`kill takes kafka, ferretdb or postgres, got "${target ?? ''}"`);
      console.log(`${target} killed`);
      return 0;
    }
    case 'status': {
      const statuses = await Promise.all([
        kafka.status(),
        ferretdb(parseStore(values.store)).status(),
        postgres.status(),
      ]);
      printStatus(statuses);
      return statuses.some((s) => s.name !== 'postgres' && !s.ready) ? 1 : 0;
    }
    default:
      throw new UsageError(`unknown command "${command}"`);
  }
}

main(process.argv.slice(2)).then(
  (code) => process.exit(code),
  (error: unknown) => {
    if (error instanceof UsageError) {
      console.error(`${error.message}\n\n${usage}`);
      process.exit(2);
    }
    console.error(error instanceof Error ? error.message : error);
    process.exit(1);
  },
);
