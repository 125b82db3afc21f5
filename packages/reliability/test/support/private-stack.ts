import { randomBytes } from 'node:crypto';
import { join } from 'node:path';
import { freePorts } from './free-ports';
import { PrivateInfra } from './private-infra';
import { ServiceProcess, type ServiceName } from './service-process';

const order: ServiceName[] = ['identity', 'contact', 'conversation', 'gateway'];

/** Production's required secrets, fresh for each run. */
function identitySecrets(): NodeJS.ProcessEnv {
  return {
    IDENTITY_MASTER_KEY: randomBytes(32).toString('hex'),
    IDENTITY_HASH_PEPPER: randomBytes(32).toString('base64'),
    IDENTITY_SESSION_KEY: `faults:${randomBytes(32).toString('base64url')}`,
  };
}

/**
 * The private infrastructure and the four services on it, wired as `npm start` wires them
 * (infra/src/stack/stack-services.ts), with NODE_ENV=production and free ports.
 */
export class PrivateStack {
  private constructor(
    readonly infra: PrivateInfra,
    readonly services: Record<ServiceName, ServiceProcess>,
  ) {}

  static async start(): Promise<PrivateStack> {
    const infra = await PrivateInfra.up();
    try {
      const ports = await freePorts(order.length);
      const portOf = Object.fromEntries(order.map((name, i) => [name, ports[i]!])) as Record<
        ServiceName,
        number
      >;
      const common: NodeJS.ProcessEnv = {
        PATH: process.env.PATH,
        NODE_ENV: 'production',
        LOG_LEVEL: process.env.FAULTS_LOG_LEVEL ?? 'info',
        KAFKA_BROKERS: infra.kafkaBrokers,
        MONGODB_URI: infra.mongodbUri,
        IDENTITY_URL: `http://127.0.0.1:${portOf.identity}`,
        CONTACT_URL: `http://127.0.0.1:${portOf.contact}`,
        CONVERSATION_URL: `http://127.0.0.1:${portOf.conversation}`,
      };
      const extra: Record<ServiceName, NodeJS.ProcessEnv> = {
        identity: identitySecrets(),
        contact: {},
        conversation: {},
        // All traffic comes from one loopback address and a handful of tokens.
        gateway: {
          GATEWAY_RATE_LIMIT_PER_ADDRESS: '1000000',
          GATEWAY_RATE_LIMIT_PER_TOKEN: '1000000',
        },
      };
      const services = Object.fromEntries(
        order.map((name) => [
          name,
          new ServiceProcess(
            name,
            portOf[name],
            { ...common, ...extra[name] },
            join(infra.logs, `${name}.log`),
          ),
        ]),
      ) as Record<ServiceName, ServiceProcess>;
      const stack = new PrivateStack(infra, services);
      for (const name of order) services[name].start();
      await stack.waitHealthy(120_000);
      return stack;
    } catch (error) {
      await infra.down(true);
      throw error;
    }
  }

  get gatewayUrl(): string {
    return this.services.gateway.url;
  }

  /** Every service answers /health with 200 (Kafka and the store up, for the gateway its upstreams). */
  async allHealthy(): Promise<boolean> {
    const answers = await Promise.all(order.map((name) => this.services[name].healthy()));
    return answers.every(Boolean);
  }

  async waitHealthy(timeoutMs: number): Promise<void> {
    const deadline = Date.now() + timeoutMs;
    while (!(await this.allHealthy())) {
      const crashed = this.crashes();
      if (crashed.length > 0) throw new Error(`a service died on its own: ${crashed.join('; ')}`);
      if (Date.now() > deadline) {
        const states = await Promise.all(
          order.map(
            async (name) => `${name} ${(await this.services[name].healthy()) ? 'up' : 'DOWN'}`,
          ),
        );
        throw new Error(
          `not healthy within ${timeoutMs} ms (${states.join(', ')}); logs in ${this.infra.logs}`,
        );
      }
      await new Promise((resolve) => setTimeout(resolve, 200));
    }
  }

  crashes(): string[] {
    return order.flatMap((name) => this.services[name].crashes);
  }

  async stop(keepLogs: boolean): Promise<void> {
    for (const name of [...order].reverse())
      await this.services[name].stop().catch(() => undefined);
    await this.infra.down(keepLogs);
  }
}
