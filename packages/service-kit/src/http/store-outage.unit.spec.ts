import { mongo } from 'mongoose';
import { storeOutageOf } from './store-outage';

describe('storeOutageOf', () => {
  it('given the store unreachable (a lost connection, no server to select), then a 503 to retry', () => {
    const lost = new mongo.MongoNetworkError('connection 3 to 127.0.0.1:27017 closed');
    const none = new mongo.MongoServerSelectionError('Server selection timed out after 30000 ms', {
      type: 'Unknown',
      servers: new Map(),
      stale: false,
      compatible: true,
      heartbeatFrequencyMS: 10_000,
      localThresholdMS: 15,
      setName: null,
      maxElectionId: null,
      maxSetVersion: null,
      commonWireVersion: 0,
      logicalSessionTimeoutMinutes: null,
    } as unknown as mongo.TopologyDescription);

    for (const error of [lost, none]) {
      expect(storeOutageOf(error)).toEqual(
        expect.objectContaining({ statusCode: 503, error: 'STORE_UNAVAILABLE' }),
      );
    }
  });

  it('given an insert whose connection was lost mid-command (the driver wraps it as a bulk error), then a 503 to retry', () => {
    const lost = new mongo.MongoNetworkError('connection 1 to 127.0.0.1:27017 closed');
    // The pool labels the error as it clears itself, before the bulk operation wraps it.
    lost.addErrorLabel('ResetPool');
    const wrapped = new mongo.MongoBulkWriteError(
      lost,
      {} as unknown as ConstructorParameters<typeof mongo.MongoBulkWriteError>[1],
    );

    expect(storeOutageOf(wrapped)?.statusCode).toBe(503);
  });

  it('given a refusal by the store or any other error, then nothing: those keep their own answer', () => {
    const duplicate = new mongo.MongoServerError({ message: 'E11000 duplicate key', code: 11000 });

    expect(storeOutageOf(duplicate)).toBeUndefined();
    expect(storeOutageOf(new Error('a bug'))).toBeUndefined();
    expect(storeOutageOf(undefined)).toBeUndefined();
  });
});
