import {
  freshIdentitySecrets,
  identityEnv,
  startServiceProcess,
  type IdentitySecrets,
  type ServiceProcess,
} from '@threadline/testing';
import type { mongo } from 'mongoose';
import { join } from 'node:path';

/** The identity service as production runs it (see `startServiceProcess`), with known secrets. */
export interface IdentityProcess extends ServiceProcess {
  secrets: IdentitySecrets;
  db: mongo.Db;
}

export async function startIdentityProcess(
  secrets: IdentitySecrets = freshIdentitySecrets(),
): Promise<IdentityProcess> {
  const service = await startServiceProcess({
    service: 'identity',
    packageDir: join(__dirname, '..', '..'),
    buildCommand: 'npx turbo run build --filter=@threadline/identity...',
    env: identityEnv(secrets),
  });
  return { ...service, secrets, db: service.db as mongo.Db };
}
