/**
 * Recent failed guesses per (application, client address), for the per-address brute-force limit.
 * Per-user failures live in the user's stream; these are kept apart because an attacker spreads
 * guesses over many users.
 */
export interface FailedGuesses {
  /** Epoch ms of the failures after `since`, at most the newest `limit`, in any order. */
  recent(
    applicationId: string,
    clientAddress: string,
    since: Date,
    limit: number,
  ): Promise<number[]>;
  /** Records one failed guess; also prunes entries older than `pruneBefore` (no TTL indexes). */
  record(applicationId: string, clientAddress: string, at: Date, pruneBefore: Date): Promise<void>;
}

export const FAILED_GUESSES = Symbol('FAILED_GUESSES');
