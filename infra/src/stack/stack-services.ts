import { join } from 'node:path';
import { repoRoot } from '../paths';

export interface StackService {
  name: 'identity' | 'contact' | 'conversation' | 'gateway';
  port: number;
  entry: string;
  /** Public services are printed for people to open; internal ones only listed. */
  public: boolean;
}

function service(name: StackService['name'], port: number, isPublic = false): StackService {
  return { name, port, entry: join(repoRoot, 'apps', name, 'dist', 'main.js'), public: isPublic };
}

/** Started in this order; the gateway last, since its health includes the others'. */
export const stackServices: StackService[] = [
  service('identity', 3001),
  service('contact', 3002),
  service('conversation', 3003),
  service('gateway', 3000, true),
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
