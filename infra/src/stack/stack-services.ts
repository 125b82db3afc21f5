import { join } from 'node:path';
import { repoRoot } from '../paths';

export interface StackService {
  name: 'identity' | 'contact' | 'conversation' | 'gateway';
  port: number;
  entry: string;
  /** Public services are printed for people to open; internal ones only listed. */
  public: boolean;
  /** Node's flags for this service, before its entry. */
  nodeArgs: string[];
}

/**
 * Contact's V8 old space, MiB. Importing a million-row CSV its live heap stays near 50 MiB (two
 * batches in flight), but uncapped V8 lets garbage grow the heap past 190 MiB before collecting,
 * which is most of the service's peak RSS; capped, it collects sooner at the same speed.
 * docker-compose.yml sets the same through NODE_OPTIONS.
 */
export const CONTACT_MAX_OLD_SPACE_MIB = 256;

function service(
  name: StackService['name'],
  port: number,
  options: { public?: boolean; maxOldSpaceMiB?: number } = {},
): StackService {
  return {
    name,
    port,
    entry: join(repoRoot, 'apps', name, 'dist', 'main.js'),
    public: options.public ?? false,
    nodeArgs: [
      '--enable-source-maps',
      ...(options.maxOldSpaceMiB === undefined
        ? []
        : [`--max-old-space-size=${options.maxOldSpaceMiB}`]),
    ],
  };
}

/** Started in this order; the gateway last, since its health includes the others'. */
export const stackServices: StackService[] = [
  service('identity', 3001),
  service('contact', 3002, { maxOldSpaceMiB: CONTACT_MAX_OLD_SPACE_MIB }),
  service('conversation', 3003),
  service('gateway', 3000, { public: true }),
];

export function serviceEnv(
  target: StackService,
  infra: { kafkaBrokers: string; mongodbUri: string },
): NodeJS.ProcessEnv {
  const urls = Object.fromEntries(
    stackServices
      .filter((s) => s.name !== 'gateway')
      .map((s) => [`${s.name.toUpperCase()}_URL`, `http://127.0.0.1:${s.port}`]),
  );
  return {
    ...process.env,
    ...urls,
    PORT: String(target.port),
    KAFKA_BROKERS: infra.kafkaBrokers,
    MONGODB_URI: infra.mongodbUri,
  };
}
