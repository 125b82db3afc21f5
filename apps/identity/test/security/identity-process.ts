import { startServiceProcess, type ServiceProcess } from '@threadline/testing';
import type { mongo } from 'mongoose';
import { randomBytes } from 'node:crypto';
import { join } from 'node:path';

export type { StoredEvent } from '@threadline/testing';

/** The secrets the process is configured with: tests sign with them and scan logs for them. */
export interface IdentitySecrets {
  masterKey: string;
  pepper: string;
  /** `IDENTITY_SESSION_KEY` entries, signing key first. */
  sessionKeys: { id: string; secret: string }[];
}

export function freshSecrets(): IdentitySecrets {
  const secret = () => randomBytes(24).toString('base64url');
  return {
    masterKey: randomBytes(32).toString('hex'),
    pepper: `pepper-${secret()}`,
    sessionKeys: [
      { id: 'k2', secret: `session-${secret()}` },
      { id: 'k1', secret: `session-${secret()}` },
    ],
  };
}

/** The identity service as production runs it (see `startServiceProcess`), with known secrets. */
export interface IdentityProcess extends ServiceProcess {
  secrets: IdentitySecrets;
  db: mongo.Db;
}

/** The environment identity needs to run with these secrets; the gateway suites reuse it. */
export function identityEnv(secrets: IdentitySecrets): NodeJS.ProcessEnv {
  return {
    IDENTITY_MASTER_KEY: secrets.masterKey,
    IDENTITY_HASH_PEPPER: secrets.pepper,
    IDENTITY_SESSION_KEY: secrets.sessionKeys.map((k) => `${k.id}:${k.secret}`).join(','),
  };
}

export async function startIdentityProcess(
  secrets: IdentitySecrets = freshSecrets(),
): Promise<IdentityProcess> {
  const service = await startServiceProcess({
    service: 'identity',
    packageDir: join(__dirname, '..', '..'),
    buildCommand: 'npx turbo run build --filter=@threadline/identity...',
    env: identityEnv(secrets),
  });
  return { ...service, secrets, db: service.db as mongo.Db };
}
