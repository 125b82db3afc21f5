#!/usr/bin/env node
import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync } from 'node:fs';
import { ensureInfra, ferretdb, kafka, stopInfra, type Store } from '../index';
import { infraPaths } from '../paths';
import { isAlive } from '../daemon';
import { sleep, waitFor } from '../wait';
import { serviceEnv, stackServices, type StackService } from './stack-services';
import { demoCredentialsFile, ensureDemoTenant } from './demo-tenant';

/**
 * `npm start`: the local infrastructure and the four services in the foreground. Ctrl-C stops the
 * services and whatever infrastructure this run started, leaving no process behind.
 */
const children = new Map<string, ChildProcess>();
let stopping = false;
let startedInfra = false;

async function infraAlreadyUp(store: Store): Promise<boolean> {
  const [k, f] = await Promise.all([kafka.status(), ferretdb(store).status()]);
  return k.ready && f.ready;
}

function startService(
  service: StackService,
  infra: { kafkaBrokers: string; mongodbUri: string },
): void {
  if (!existsSync(service.entry))
    throw new Error(`${service.entry} is missing: run \`npm run build\` first`);
  const child = spawn(process.execPath, [...service.nodeArgs, service.entry], {
    env: {
      ...serviceEnv(service, infra),
      // The gateway's /demo page reads the demo tenant's credentials (written after it starts).
      ...(service.name === 'gateway' && { DEMO_CREDENTIALS_FILE: demoCredentialsFile }),
    },
    stdio: ['ignore', 'inherit', 'inherit'],
  });
  children.set(service.name, child);
  child.once('exit', (code, signal) => {
    children.delete(service.name);
    if (!stopping) {
      console.error(
        `${service.name} exited unexpectedly (${signal ?? `code ${code}`}); stopping everything`,
      );
      void shutdown(1);
    }
  });
}

async function waitHealthy(service: StackService): Promise<void> {
  await waitFor(
    async () =>
      (
        await fetch(`http://127.0.0.1:${service.port}/health`, {
          signal: AbortSignal.timeout(2_000),
        })
      ).ok,
    {
      what: `${service.name} /health`,
      timeoutMs: 90_000,
      intervalMs: 500,
      abortIf: () => (children.has(service.name) ? undefined : 'process exited'),
    },
  );
}

async function shutdown(code: number): Promise<never> {
  if (stopping) return new Promise<never>(() => undefined);
  stopping = true;
  console.log('stopping services…');
  for (const child of children.values()) child.kill('SIGTERM');
  const deadline = Date.now() + 15_000;
  while ([...children.values()].some((c) => c.pid && isAlive(c.pid)) && Date.now() < deadline)
    await sleep(100);
  for (const child of children.values()) child.kill('SIGKILL');
  if (startedInfra) {
    console.log('stopping Kafka and FerretDB…');
    await stopInfra();
  } else {
    console.log(
      'leaving the infrastructure running, as it was before (`npm run infra:down` stops it)',
    );
  }
  process.exit(code);
}

async function main(): Promise<void> {
  const store = (process.env.INFRA_STORE ?? 'sqlite') as Store;
  process.once('SIGINT', () => void shutdown(0));
  process.once('SIGTERM', () => void shutdown(0));
  const started = Date.now();
  startedInfra = !(await infraAlreadyUp(store));
  console.log(`starting Kafka and FerretDB (${store}); logs in ${infraPaths.logs}`);
  const infra = await ensureInfra({ store });
  for (const service of stackServices) startService(service, infra);
  for (const service of stackServices) await waitHealthy(service);
  const gateway = stackServices.find((s) => s.public);
  const identity = stackServices.find((s) => s.name === 'identity');
  const demo = await ensureDemoTenant(
    `http://127.0.0.1:${identity?.port}`,
    `http://127.0.0.1:${gateway?.port}`,
  );
  console.log(
    [
      '',
      `Threadline is running (${((Date.now() - started) / 1000).toFixed(1)} s). Ctrl-C stops everything.`,
      `  gateway        http://127.0.0.1:${gateway?.port}        (health: /health)`,
      `  demo page      http://127.0.0.1:${gateway?.port}/demo   dashboard /dashboard/   API docs /docs`,
      ...stackServices
        .filter((s) => !s.public)
        .map((s) => `  ${s.name.padEnd(14)} http://127.0.0.1:${s.port}        (internal)`),
      `  Kafka          ${infra.kafkaBrokers}`,
      `  FerretDB       ${infra.mongodbUri}`,
      '',
      `Demo organization ${demo.domain} (credentials kept in ${demoCredentialsFile}):`,
      `  applicationId      ${demo.applicationId}`,
      `  applicationSecret  ${demo.applicationSecret}`,
      ...(demo.agent ? [`  agent login        ${demo.agent.email} / ${demo.agent.password}`] : []),
      '  more: npm run admin -- --help',
      '',
    ].join('\n'),
  );
}

main().catch(async (error: unknown) => {
  console.error(error instanceof Error ? error.message : error);
  await shutdown(1);
});
