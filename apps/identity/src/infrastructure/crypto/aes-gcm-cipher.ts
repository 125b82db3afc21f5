import { createCipheriv, createDecipheriv, createHash, randomBytes } from 'node:crypto';

export interface SealedSecret {
  alg: 'aes-256-gcm';
  /** base64 of the 12-byte nonce, the ciphertext and the 16-byte tag. */
  iv: string;
  ciphertext: string;
  tag: string;
  /** Which master key sealed it, so a wrong key is named as such rather than as tampering. */
  keyFingerprint: string;
}

/** AES-256-GCM under one master key; `aad` binds a ciphertext to the record it belongs to. */
export class AesGcmCipher {
  readonly fingerprint: string;

  constructor(private readonly key: Buffer) {
    if (key.length !== 32) throw new Error('AES-256-GCM needs a 32-byte key');
    this.fingerprint = createHash('sha256').update(key).digest('hex').slice(0, 16);
  }

  seal(plaintext: string, aad: string): SealedSecret {
    const iv = randomBytes(12);
    const cipher = createCipheriv('aes-256-gcm', this.key, iv);
    cipher.setAAD(Buffer.from(aad, 'utf8'));
    const ciphertext = Buffer.concat([cipher.update(plaintext, 'utf8'), cipher.final()]);
    return {
      alg: 'aes-256-gcm',
      iv: iv.toString('base64'),
      ciphertext: ciphertext.toString('base64'),
      tag: cipher.getAuthTag().toString('base64'),
      keyFingerprint: this.fingerprint,
    };
  }

  /** Throws when the master key differs or the record was altered or moved. */
  open(sealed: SealedSecret, aad: string): string {
    if (sealed.keyFingerprint !== this.fingerprint) {
      throw new Error(
        `sealed under master key ${sealed.keyFingerprint}, not the configured ${this.fingerprint}`,
      );
    }
    const decipher = createDecipheriv('aes-256-gcm', this.key, Buffer.from(sealed.iv, 'base64'));
    decipher.setAAD(Buffer.from(aad, 'utf8'));
    decipher.setAuthTag(Buffer.from(sealed.tag, 'base64'));
    return Buffer.concat([
      decipher.update(Buffer.from(sealed.ciphertext, 'base64')),
      decipher.final(),
    ]).toString('utf8');
  }
}
