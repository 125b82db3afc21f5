import type { Decider } from '@threadline/eventing';
import type { AuthenticateUser } from './authenticate-user.command';
import type { AuthenticationDecision, AuthenticationOutcome } from './authentication.outcome';
import {
  DEFAULT_BRUTE_FORCE_POLICY,
  evaluateThrottle,
  rememberFailure,
  strictestVerdict,
  type BruteForcePolicy,
} from './brute-force.policy';
import { generatedName, userIdentityKey } from '@threadline/generated-names';
import { InvalidUserStreamError } from './identity.errors';
import { isKeyedHash, keyedHashEquals, type KeyedHash } from './keyed-hash';
import { isFailedGuess, type RejectionReason } from './rejection-reason';
import type { AuthenticationRejected, UserIdentityEvent } from './user-identity.events';
import { compactProfile, mergeProfile, type ProfileFields } from './user-profile';

export type HashBinding = { kind: 'unbound' } | { kind: 'bound'; keyedHash: KeyedHash };

/** Recent failed guesses (epoch ms) and whether the current lockout was already recorded. */
export interface ThrottleState {
  failures: number[];
  rateLimitRecorded: boolean;
}

/** JSON-safe, so it can be snapshotted. A stream may start with refusals, hence `new` keeps `throttle`. */
export type UserIdentityState =
  | { status: 'new'; throttle: ThrottleState }
  | {
      status: 'known';
      userId: string;
      profile: ProfileFields;
      /** S5: assigned once, while no name was on file, and kept so the name stays stable. */
      generatedName?: string;
      binding: HashBinding;
      throttle: ThrottleState;
    };

export type UserIdentityCommand = AuthenticateUser;

const UNBOUND: HashBinding = { kind: 'unbound' };

/**
 * Decides one widget init with a `user_id` (S2, S5, S6, S7 and brute-force limits) on the
 * stream of that (application, `user_id`). Order of checks: rate limit (only where a secret is
 * checked), signed identity when required, then the bound `security_hash`.
 */
export function decideAuthentication(
  command: AuthenticateUser,
  state: UserIdentityState,
  policy: BruteForcePolicy = DEFAULT_BRUTE_FORCE_POLICY,
): AuthenticationDecision {
  if (state.status === 'known' && state.userId !== command.userId) {
    throw new InvalidUserStreamError(`loaded for another user_id than ${command.userId}`);
  }
  const binding = state.status === 'known' ? state.binding : UNBOUND;
  const guarded = binding.kind === 'bound' || command.identityVerification === 'required';

  if (guarded) {
    const verdict = strictestVerdict(
      evaluateThrottle(state.throttle.failures, command.now, policy),
      command.addressThrottle ?? { allowed: true },
    );
    if (!verdict.allowed) {
      return {
        // One record per lockout: hammering a locked user must not grow the stream without bound.
        events: state.throttle.rateLimitRecorded ? [] : [rejection(command, 'rate-limited')],
        outcome: {
          kind: 'rejected',
          reason: 'rate-limited',
          retryAfterSeconds: verdict.retryAfterSeconds,
        },
      };
    }
  }

  if (command.identityVerification === 'required') {
    const proof = command.signedIdentity ?? { ok: false, reason: 'user-hash-missing' };
    if (!proof.ok) return rejected(command, proof.reason);
  }

  const presented = command.presentedSecurityHash;
  if (binding.kind === 'bound') {
    if (presented === undefined) return rejected(command, 'security-hash-missing');
    if (!keyedHashEquals(binding.keyedHash, presented)) {
      return rejected(command, 'security-hash-mismatch');
    }
  }

  const proof = command.signedIdentity?.ok ? command.signedIdentity : undefined;
  const sent = mergeProfile(command.profile, proof?.signedProfile ?? {});
  const onFile = mergeProfile(state.status === 'known' ? state.profile : {}, sent);
  const nameless =
    onFile.name === undefined
      ? ((state.status === 'known' ? state.generatedName : undefined) ??
        generatedName(userIdentityKey(command.applicationId, command.userId)))
      : undefined;
  const bindsNow = binding.kind === 'unbound' && presented !== undefined;

  const events: UserIdentityEvent[] = [
    {
      type: 'UserAuthenticated',
      userId: command.userId,
      deviceId: command.deviceId,
      sessionId: command.sessionId,
      profile: sent,
      ...(nameless !== undefined && { generatedName: nameless }),
      ...(proof && { verifiedBy: proof.verifiedBy }),
      ...(command.previousVisitorId !== undefined && {
        previousVisitorId: command.previousVisitorId,
      }),
      ...(command.customData !== undefined &&
        Object.keys(command.customData).length > 0 && { customData: command.customData }),
    },
  ];
  if (bindsNow) events.push({ type: 'HashBound', userId: command.userId, keyedHash: presented });

  const outcome: AuthenticationOutcome = {
    kind: 'authenticated',
    userId: command.userId,
    deviceId: command.deviceId,
    sessionId: command.sessionId,
    profile: onFile,
    displayName: onFile.name ?? nameless ?? '',
    ...(proof && { verifiedBy: proof.verifiedBy }),
    hashBound: bindsNow,
  };
  return { events, outcome };
}

function rejection(command: AuthenticateUser, reason: RejectionReason): AuthenticationRejected {
  return {
    type: 'AuthenticationRejected',
    userId: command.userId,
    reason,
    ...(command.clientAddress !== undefined && { clientAddress: command.clientAddress }),
    at: command.now.toISOString(),
  };
}

function rejected(command: AuthenticateUser, reason: RejectionReason): AuthenticationDecision {
  return { events: [rejection(command, reason)], outcome: { kind: 'rejected', reason } };
}

/** Folds one event into the state; pure, and strict about orders no decision produces. */
export function evolveUserIdentity(
  state: UserIdentityState,
  event: UserIdentityEvent,
  policy: BruteForcePolicy = DEFAULT_BRUTE_FORCE_POLICY,
): UserIdentityState {
  switch (event.type) {
    case 'UserAuthenticated': {
      const throttle = { ...state.throttle, rateLimitRecorded: false };
      if (state.status === 'new') {
        return {
          status: 'known',
          userId: event.userId,
          profile: compactProfile(event.profile),
          ...(event.generatedName !== undefined && { generatedName: event.generatedName }),
          binding: UNBOUND,
          throttle,
        };
      }
      const generated = state.generatedName ?? event.generatedName;
      return {
        ...state,
        profile: mergeProfile(state.profile, event.profile),
        ...(generated !== undefined && { generatedName: generated }),
        throttle,
      };
    }
    case 'HashBound': {
      if (state.status !== 'known')
        throw new InvalidUserStreamError('HashBound before UserAuthenticated');
      if (state.binding.kind === 'bound') throw new InvalidUserStreamError('a second HashBound');
      if (!isKeyedHash(event.keyedHash))
        throw new InvalidUserStreamError('HashBound without a keyed hash');
      return { ...state, binding: { kind: 'bound', keyedHash: event.keyedHash } };
    }
    case 'AuthenticationRejected': {
      const at = Date.parse(event.at);
      if (Number.isNaN(at))
        throw new InvalidUserStreamError('AuthenticationRejected without a time');
      const throttle: ThrottleState = isFailedGuess(event.reason)
        ? {
            failures: rememberFailure(state.throttle.failures, at, policy),
            rateLimitRecorded: false,
          }
        : event.reason === 'rate-limited'
          ? { ...state.throttle, rateLimitRecorded: true }
          : state.throttle;
      return { ...state, throttle };
    }
    default: {
      const never: never = event;
      return never;
    }
  }
}

/** The per-(application, `user_id`) identity aggregate, for `AggregateRepository`. */
export const userIdentityDecider: Decider<
  UserIdentityState,
  UserIdentityCommand,
  UserIdentityEvent
> = {
  initialState: () => ({ status: 'new', throttle: { failures: [], rateLimitRecorded: false } }),
  decide: (command, state) => decideAuthentication(command, state).events,
  evolve: (state, event) => evolveUserIdentity(state, event),
};
