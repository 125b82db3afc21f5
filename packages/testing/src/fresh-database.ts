import mongoose, { type Connection } from 'mongoose';
import { endpointsFromEnv } from './infra-mode';
import { uniqueName } from './unique-name';

/** A connection to a database of its own, dropped at the end. */
export async function connectToFreshDatabase(prefix: string): Promise<Connection> {
  const { mongodbUri } = endpointsFromEnv();
  return mongoose
    .createConnection(mongodbUri, {
      dbName: uniqueName(prefix).replace(/-/g, '_'),
      retryWrites: false,
    })
    .asPromise();
}

export async function dropAndClose(connection: Connection | undefined): Promise<void> {
  if (!connection) return;
  await connection.dropDatabase().catch(() => undefined);
  await connection.close();
}
