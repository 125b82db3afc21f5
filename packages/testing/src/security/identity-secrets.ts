import { randomBytes } from 'node:crypto';

/** The secrets identity runs with: tests sign with them and scan logs for them. */
export interface IdentitySecrets {
  masterKey: string;
  pepper: string;
  /** `IDENTITY_SESSION_KEY` entries, signing key first. */
  sessionKeys: { id: string; secret: string }[];
}

/** Fresh secrets, with an older session key behind the signing one (a rotation in progress). */
export function freshIdentitySecrets(): IdentitySecrets {
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

/** The environment identity needs to run with these secrets. */
export function identityEnv(secrets: IdentitySecrets): NodeJS.ProcessEnv {
  return {
    IDENTITY_MASTER_KEY: secrets.masterKey,
    IDENTITY_HASH_PEPPER: secrets.pepper,
    IDENTITY_SESSION_KEY: secrets.sessionKeys.map((k) => `${k.id}:${k.secret}`).join(','),
  };
}
