export type { AuthenticateUser } from './authenticate-user.command';
export type { AuthenticationDecision, AuthenticationOutcome } from './authentication.outcome';
export {
  DEFAULT_BRUTE_FORCE_POLICY,
  evaluateThrottle,
  rememberFailure,
  strictestVerdict,
  type BruteForcePolicy,
  type ThrottleVerdict,
} from './brute-force.policy';
export { generatedName, userIdentityKey, visitorIdentityKey } from '@threadline/generated-names';
export {
  keyRingProblems,
  usableKeys,
  type IdentityKey,
  type IdentityKeyRing,
} from './identity-key-ring';
export {
  AuthenticationRejectedError,
  IdentityError,
  InvalidIdentityInputError,
  InvalidUserStreamError,
  WidgetCredentialsRejectedError,
} from './identity.errors';
export {
  isKeyedHash,
  keyedHash,
  keyedHashEquals,
  MAX_SECURITY_HASH_LENGTH,
  type KeyedHash,
} from './keyed-hash';
export {
  isFailedGuess,
  REJECTION_REASONS,
  type RejectionReason,
  type SignedIdentityFailureReason,
} from './rejection-reason';
export type { SignedIdentityVerification } from './signed-identity';
export { verifySignedIdentity, type SignedIdentityInput } from './signed-identity.verifier';
export { userHashOf, verifyUserHash } from './user-hash.verifier';
export {
  decideAuthentication,
  evolveUserIdentity,
  userIdentityDecider,
  type HashBinding,
  type ThrottleState,
  type UserIdentityCommand,
  type UserIdentityState,
} from './user-identity.decider';
export type {
  AuthenticationRejected,
  HashBound,
  UserAuthenticated,
  UserIdentityEvent,
} from './user-identity.events';
export { userIdentityStreamId, visitorStreamId } from './user-identity.stream';
export { MAX_USER_JWT_LENGTH, verifyUserJwt, type UserJwtOptions } from './user-jwt.verifier';
export { compactProfile, mergeProfile, type CustomData, type ProfileFields } from './user-profile';
export {
  decideVisitor,
  evolveVisitor,
  visitorDecider,
  type PreChatPrefill,
  type StartVisitor,
  type VisitorDecision,
  type VisitorEvent,
  type VisitorOutcome,
  type VisitorStarted,
  type VisitorState,
} from './visitor.decider';
export {
  decideSession,
  evolveSession,
  sessionDecider,
  sessionStreamId,
  type EndSession,
  type SessionCommand,
  type SessionEndReason,
  type SessionEnded,
  type SessionEvent,
  type SessionState,
} from './sessions/session.decider';
