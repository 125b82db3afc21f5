import { execFile } from 'node:child_process';
import { chmodSync, existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { promisify } from 'node:util';
import { freePorts } from './free-ports';

const run = promisify(execFile);

export const infraDir = dirname(require.resolve('@threadline/infra/package.json'));
export const repoRoot = dirname(infraDir);
const cli = join(infraDir, 'dist', 'cli.js');

/**
 * Kafka, PostgreSQL and FerretDB of this test alone, run by the infra CLI in a home and on ports
 * of their own: the shared infrastructure other suites use is never touched, so it may be killed.
 * Jars and the FerretDB binary come from the repository's cache (`INFRA_CACHE`).
 */
export class PrivateInfra {
  readonly kafkaBrokers: string;
  readonly mongodbUri: string;

  private constructor(
    readonly home: string,
    private readonly env: NodeJS.ProcessEnv,
    ports: { kafka: number; ferretdb: number },
  ) {
    this.kafkaBrokers = `127.0.0.1:${ports.kafka}`;
    this.mongodbUri = `mongodb://127.0.0.1:${ports.ferretdb}/`;
  }

  static async up(): Promise<PrivateInfra> {
    if (!existsSync(cli)) throw new Error(`${cli} is missing: build @threadline/infra first`);
    const home = mkdtempSync(join(tmpdir(), 'threadline-faults-'));
    // PostgreSQL runs as the postgres user when we are root: it must reach its data dir in here.
    chmodSync(home, 0o755);
    const [kafka, controller, ferretdb, postgres] = await freePorts(4);
    const env: NodeJS.ProcessEnv = {
      PATH: process.env.PATH,
      HOME: process.env.HOME,
      JAVA_HOME: process.env.JAVA_HOME,
      INFRA_HOME: home,
      INFRA_CACHE: process.env.INFRA_CACHE ?? join(repoRoot, '.infra', 'cache'),
      INFRA_KAFKA_PORT: String(kafka),
      INFRA_KAFKA_CONTROLLER_PORT: String(controller),
      INFRA_FERRETDB_PORT: String(ferretdb),
      INFRA_POSTGRES_PORT: String(postgres),
    };
    const infra = new PrivateInfra(home, env, { kafka: kafka!, ferretdb: ferretdb! });
    try {
      await infra.cli(['up', '--store', 'postgresql'], 600_000);
    } catch (error) {
      await infra.down(false);
      throw error;
    }
    return infra;
  }

  get logs(): string {
    return join(this.home, 'logs');
  }

  /** Kill -9, as a crash would. */
  kill(component: 'kafka' | 'ferretdb' | 'postgres'): Promise<string> {
    return this.cli(['kill', component], 60_000);
  }

  /** Starts whatever is not running and waits until Kafka and FerretDB answer. */
  up(): Promise<string> {
    return this.cli(['up', '--store', 'postgresql'], 180_000);
  }

  /** Stops everything; keeps the logs (not the data) when asked, for a failed run to be read. */
  async down(keepLogs: boolean): Promise<void> {
    await this.cli(['down'], 120_000).catch((error: unknown) =>
      console.error(`private infra down failed: ${(error as Error).message}`),
    );
    if (keepLogs) rmSync(join(this.home, 'data'), { recursive: true, force: true });
    else rmSync(this.home, { recursive: true, force: true });
  }

  private async cli(args: string[], timeout: number): Promise<string> {
    try {
      const { stdout } = await run(process.execPath, [cli, ...args], { env: this.env, timeout });
      return stdout;
    } catch (error) {
      const { stdout = '', stderr = '' } = error as { stdout?: string; stderr?: string };
      throw new Error(`infra ${args.join(' ')} failed: ${`${stdout}\n${stderr}`.trim()}`);
    }
  }
}
