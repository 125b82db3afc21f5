import type { mongo } from 'mongoose';
import type { IdentityKeySecrets } from '../../application/tenancy/ports/identity-key-secrets.port';
import type { AesGcmCipher, SealedSecret } from '../crypto/aes-gcm-cipher';

export const IDENTITY_KEYS_COLLECTION = 'identity_keys';

interface IdentityKeyDocument extends SealedSecret {
  _id: string;
  applicationId: string;
  keyId: string;
  createdAt: Date;
}

/** Identity-verification secrets, encrypted at rest; the only place they exist besides the customer. */
export class MongoIdentityKeySecrets implements IdentityKeySecrets {
  constructor(
    private readonly db: () => mongo.Db,
    private readonly cipher: AesGcmCipher,
  ) {}

  private get collection(): mongo.Collection<IdentityKeyDocument> {
    return this.db().collection<IdentityKeyDocument>(IDENTITY_KEYS_COLLECTION);
  }

  async store(applicationId: string, keyId: string, secret: string): Promise<void> {
    const id = documentId(applicationId, keyId);
    await this.collection.insertOne({
      _id: id,
      applicationId,
      keyId,
      ...this.cipher.seal(secret, id),
      createdAt: new Date(),
    });
  }

  async reveal(applicationId: string, keyId: string): Promise<string | null> {
    const id = documentId(applicationId, keyId);
    const doc = await this.collection.findOne({ _id: id });
    return doc ? this.cipher.open(doc, id) : null;
  }

  async discard(applicationId: string, keyId: string): Promise<void> {
    await this.collection.deleteOne({ _id: documentId(applicationId, keyId) });
  }
}

/** Also the AAD: a ciphertext copied onto another application's record does not open. */
function documentId(applicationId: string, keyId: string): string {
  return `${applicationId}/${keyId}`;
}
