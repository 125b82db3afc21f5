function portFromEnv(name: string, fallback: number): number {
  const raw = process.env[name];
  if (raw === undefined || raw === '') return fallback;
  const port = Number(raw);
  if (!Number.isInteger(port) || port < 1 || port > 65535) {
    throw new Error(`${name} must be a TCP port between 1 and 65535, got "${raw}"`);
  }
  return port;
}

/** Loopback ports of the local infrastructure; each can be moved with its environment variable. */
export const infraPorts = {
  kafka: portFromEnv('INFRA_KAFKA_PORT', 9092),
  kafkaController: portFromEnv('INFRA_KAFKA_CONTROLLER_PORT', 9093),
  ferretdb: portFromEnv('INFRA_FERRETDB_PORT', 27017),
  postgres: portFromEnv('INFRA_POSTGRES_PORT', 54329),
};

export const loopback = '127.0.0.1';
