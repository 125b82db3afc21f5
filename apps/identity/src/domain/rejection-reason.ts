/** Why an authentication was refused; the same values as the `AuthenticationRejected` contract. */
export const REJECTION_REASONS = [
  'security-hash-missing',
  'security-hash-mismatch',
  'user-hash-missing',
  'user-hash-invalid',
  'user-jwt-missing',
  'user-jwt-invalid',
  'rate-limited',
] as const;
export type RejectionReason = (typeof REJECTION_REASONS)[number];

/** The reasons a signed identity (S7) fails with. */
export type SignedIdentityFailureReason = Extract<
  RejectionReason,
  'user-hash-missing' | 'user-hash-invalid' | 'user-jwt-missing' | 'user-jwt-invalid'
>;

/**
 * A wrong guess at a secret: these count towards brute-force limits. Missing proofs do not (they
 * guess nothing), nor do refusals for being rate limited (they would extend a lockout forever).
 */
export function isFailedGuess(reason: RejectionReason): boolean {
  return (
    reason === 'security-hash-mismatch' ||
    reason === 'user-hash-invalid' ||
    reason === 'user-jwt-invalid'
  );
}
