import { mongo } from 'mongoose';

// Server codes that mean "the node is busy changing state", not "this write is wrong".
const transientCodes = new Set([
  6, 7, 89, 91, 189, 262, 9001, 10107, 11600, 11602, 13435, 13436, 50, 134,
]);

/** Errors worth retrying forever: the store is unreachable or failing over, the event is fine. */
export function isTransientStoreError(error: unknown): boolean {
  if (
    error instanceof mongo.MongoNetworkError ||
    error instanceof mongo.MongoServerSelectionError ||
    error instanceof mongo.MongoNotConnectedError
  ) {
    return true;
  }
  if (error instanceof mongo.MongoError) {
    if (
      error.hasErrorLabel('RetryableWriteError') ||
      error.hasErrorLabel('ResetPool') ||
      error.hasErrorLabel('TransientTransactionError')
    ) {
      return true;
    }
    return typeof error.code === 'number' && transientCodes.has(error.code);
  }
  return false;
}

/** FerretDB reports code 11000 without `keyPattern`, so the code is all we can rely on. */
export function isDuplicateKeyError(error: unknown): boolean {
  return (
    typeof error === 'object' && error !== null && (error as { code?: unknown }).code === 11000
  );
}
