import type { AggregateRepository, CachedAggregates } from '@threadline/eventing';
import type {
  StartVisitor,
  UserIdentityCommand,
  UserIdentityEvent,
  UserIdentityState,
  VisitorEvent,
  VisitorState,
} from '../../../domain';

/**
 * A user's stream, decided on the state this process last saw (a returning user's init reads
 * nothing): a stale state's append is refused and decided again on the stored stream.
 */
export type UserIdentityRepository = Pick<
  CachedAggregates<UserIdentityState, UserIdentityCommand, UserIdentityEvent>,
  'update'
>;
export type VisitorRepository = AggregateRepository<VisitorState, StartVisitor, VisitorEvent>;

/** Where widget authentication gets its ids and device tokens; a port for deterministic tests. */
export interface AuthenticationRandomness {
  sessionId(): string;
  visitorId(): string;
  /** A fresh device token for a browser that has none (S4): unguessable, 8-128 of [A-Za-z0-9_-]. */
  deviceToken(): string;
}

/** The server pepper that keys every `security_hash` (S6); at least 32 bytes. */
export type SecurityHashPepper = Buffer;

export const USER_IDENTITY_REPOSITORY = Symbol('USER_IDENTITY_REPOSITORY');
export const VISITOR_REPOSITORY = Symbol('VISITOR_REPOSITORY');
export const AUTHENTICATION_RANDOMNESS = Symbol('AUTHENTICATION_RANDOMNESS');
export const AUTHENTICATION_CLOCK = Symbol('AUTHENTICATION_CLOCK');
export const SECURITY_HASH_PEPPER = Symbol('SECURITY_HASH_PEPPER');
