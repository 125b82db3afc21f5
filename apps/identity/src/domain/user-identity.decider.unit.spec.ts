import type { AuthenticateUser } from './authenticate-user.command';
import { generatedName, userIdentityKey } from '@threadline/generated-names';
import { InvalidUserStreamError } from './identity.errors';
import { keyedHash } from './keyed-hash';
import type { RejectionReason } from './rejection-reason';
import {
  decideAuthentication,
  userIdentityDecider,
  type UserIdentityState,
} from './user-identity.decider';
import type {
  AuthenticationRejected,
  HashBound,
  UserAuthenticated,
  UserIdentityEvent,
} from './user-identity.events';
import { userHashOf, verifyUserHash } from './user-hash.verifier';

const PEPPER = 'pepper-of-at-least-32-bytes-0001';
const NOW = new Date('2026-11-23T10:00:00.000Z');
const secondsBefore = (s: number) => new Date(NOW.getTime() - s * 1000).toISOString();

function anAuthenticateUser(overrides: Partial<AuthenticateUser> = {}): AuthenticateUser {
  return {
    applicationId: 'app-1',
    userId: '12345',
    deviceId: 'device-1',
    sessionId: 'session-1',
    profile: { email: 'ann@example.com', name: 'Ann' },
    identityVerification: 'none',
    clientAddress: '203.0.113.7',
    now: NOW,
    ...overrides,
  };
}

function aUserAuthenticated(overrides: Partial<UserAuthenticated> = {}): UserAuthenticated {
  return {
    type: 'UserAuthenticated',
    userId: '12345',
    deviceId: 'device-0',
    sessionId: 'session-0',
    profile: { email: 'ann@example.com', name: 'Ann' },
    ...overrides,
  };
}

function aHashBound(securityHash = 'hash-of-ann'): HashBound {
  return { type: 'HashBound', userId: '12345', keyedHash: keyedHash(PEPPER, securityHash) };
}

function aRejection(reason: RejectionReason, at = secondsBefore(60)): AuthenticationRejected {
  return { type: 'AuthenticationRejected', userId: '12345', reason, at };
}

function given(...events: UserIdentityEvent[]): UserIdentityState {
  return events.reduce(userIdentityDecider.evolve, userIdentityDecider.initialState());
}

const presenting = (securityHash: string) => ({
  presentedSecurityHash: keyedHash(PEPPER, securityHash),
});

describe('user identity decider', () => {
  describe('S2: init with a user_id', () => {
    it('given a new user, when authenticated, then UserAuthenticated carries the profile sent', () => {
      const command = anAuthenticateUser({
        profile: { email: 'ann@example.com', name: 'Ann', phone: '+100', company: 'Acme' },
      });

      const { events, outcome } = decideAuthentication(command, given());

      expect(events).toEqual([
        {
          type: 'UserAuthenticated',
          userId: '12345',
          deviceId: 'device-1',
          sessionId: 'session-1',
          profile: { email: 'ann@example.com', name: 'Ann', phone: '+100', company: 'Acme' },
        },
      ]);
      expect(outcome).toMatchObject({
        kind: 'authenticated',
        displayName: 'Ann',
        hashBound: false,
      });
    });

    it('given a known user, when an init sends only some fields, then the rest of the profile is kept', () => {
      const state = given(
        aUserAuthenticated({ profile: { email: 'ann@example.com', name: 'Ann' } }),
      );

      const { events, outcome } = decideAuthentication(
        anAuthenticateUser({ profile: { company: 'Acme' } }),
        state,
      );

      expect(events).toMatchObject([{ type: 'UserAuthenticated', profile: { company: 'Acme' } }]);
      expect(outcome).toMatchObject({
        kind: 'authenticated',
        profile: { email: 'ann@example.com', name: 'Ann', company: 'Acme' },
      });
    });

    it('given another device of the same user (S3), then it authenticates the same user', () => {
      const state = given(aUserAuthenticated({ deviceId: 'laptop' }));

      const { outcome } = decideAuthentication(anAuthenticateUser({ deviceId: 'phone' }), state);

      expect(outcome).toMatchObject({ kind: 'authenticated', userId: '12345', deviceId: 'phone' });
    });

    it('given a device that was an anonymous visitor (S12), then UserAuthenticated names that visitor', () => {
      const { events } = decideAuthentication(
        anAuthenticateUser({ previousVisitorId: 'visitor-7' }),
        given(),
      );

      expect(events[0]).toMatchObject({
        type: 'UserAuthenticated',
        previousVisitorId: 'visitor-7',
      });
    });

    it('given an init with custom_data (S11), then UserAuthenticated carries it for the contact', () => {
      const customData = {
        plan: 'pro',
        seats: 3,
        trial: null,
        renews: { date: '2027-01-01T00:00:00Z' },
      };

      const { events } = decideAuthentication(anAuthenticateUser({ customData }), given());

      expect(events[0]).toMatchObject({ type: 'UserAuthenticated', customData });
    });

    it('given an init with empty or no custom_data, then UserAuthenticated has none', () => {
      for (const customData of [{}, undefined]) {
        const { events } = decideAuthentication(anAuthenticateUser({ customData }), given());

        expect(events[0]).not.toHaveProperty('customData');
      }
    });

    it('given a stream loaded for another user_id, then it refuses to decide', () => {
      const state = given(aUserAuthenticated({ userId: 'other' }));

      expect(() => decideAuthentication(anAuthenticateUser(), state)).toThrow(
        InvalidUserStreamError,
      );
    });
  });

  describe('S5: generated names', () => {
    const expectedName = generatedName(userIdentityKey('app-1', '12345'));

    it('given a new user without a name or email, then a generated name is recorded and the email stays empty', () => {
      const { events, outcome } = decideAuthentication(
        anAuthenticateUser({ profile: {} }),
        given(),
      );

      expect(events).toEqual([
        expect.objectContaining({ profile: {}, generatedName: expectedName }),
      ]);
      expect(expectedName).toMatch(/^[A-Z][a-z]+ [A-Z][a-z]+ \(anonym\)$/);
      expect(outcome).toMatchObject({
        kind: 'authenticated',
        displayName: expectedName,
        profile: {},
      });
      expect(outcome.kind === 'authenticated' && outcome.profile.email).toBeUndefined();
    });

    it('given a nameless user, when it inits again from another device, then the name is the same', () => {
      const first = decideAuthentication(anAuthenticateUser({ profile: {} }), given());
      const state = given(...first.events);

      const second = decideAuthentication(
        anAuthenticateUser({ profile: {}, deviceId: 'd2' }),
        state,
      );

      expect(second.outcome).toMatchObject({ displayName: expectedName });
    });

    it('given a stored generated name, then it is kept even if the word lists would give another', () => {
      const state = given(
        aUserAuthenticated({ profile: {}, generatedName: 'Giant Duck (anonym)' }),
      );

      const { events, outcome } = decideAuthentication(anAuthenticateUser({ profile: {} }), state);

      expect(events).toMatchObject([{ generatedName: 'Giant Duck (anonym)' }]);
      expect(outcome).toMatchObject({ displayName: 'Giant Duck (anonym)' });
    });

    it('given a user who once gave a name, when an init sends none, then no generated name is used', () => {
      const state = given(aUserAuthenticated({ profile: { name: 'Ann' } }));

      const { events, outcome } = decideAuthentication(anAuthenticateUser({ profile: {} }), state);

      expect(events[0]).not.toHaveProperty('generatedName');
      expect(outcome).toMatchObject({ displayName: 'Ann' });
    });
  });

  describe('S6: security_hash, trust on first use', () => {
    it('given a new user, when the first init carries a security_hash, then it binds its keyed hash', () => {
      const { events, outcome } = decideAuthentication(
        anAuthenticateUser(presenting('hash-of-ann')),
        given(),
      );

      expect(events.map((e) => e.type)).toEqual(['UserAuthenticated', 'HashBound']);
      expect(events[1]).toEqual(aHashBound('hash-of-ann'));
      expect(JSON.stringify(events)).not.toContain('hash-of-ann');
      expect(outcome).toMatchObject({ kind: 'authenticated', hashBound: true });
    });

    it('given a known user without a hash, when an init first carries one, then it binds', () => {
      const { events } = decideAuthentication(
        anAuthenticateUser(presenting('hash-of-ann')),
        given(aUserAuthenticated()),
      );

      expect(events.map((e) => e.type)).toEqual(['UserAuthenticated', 'HashBound']);
    });

    it('given a bound hash, when the same value comes again, then it authenticates without binding again', () => {
      const state = given(aUserAuthenticated(), aHashBound('hash-of-ann'));

      const { events, outcome } = decideAuthentication(
        anAuthenticateUser(presenting('hash-of-ann')),
        state,
      );

      expect(events.map((e) => e.type)).toEqual(['UserAuthenticated']);
      expect(outcome).toMatchObject({ kind: 'authenticated', hashBound: false });
    });

    it.each([
      ['a different', presenting('guess'), 'security-hash-mismatch'],
      ['no', {}, 'security-hash-missing'],
    ] as const)(
      'given a bound hash, when %s value comes, then the refusal is recorded and nothing of the user is told',
      (_what, hash, reason) => {
        const state = given(aUserAuthenticated(), aHashBound('hash-of-ann'));

        const { events, outcome } = decideAuthentication(anAuthenticateUser(hash), state);

        expect(events).toEqual([
          {
            type: 'AuthenticationRejected',
            userId: '12345',
            reason,
            clientAddress: '203.0.113.7',
            at: NOW.toISOString(),
          },
        ]);
        expect(outcome).toEqual({ kind: 'rejected', reason });
        expect(JSON.stringify(outcome)).not.toContain('ann@example.com');
      },
    );

    it('given a bound hash and a rejection, then the binding still holds for the real user', () => {
      const state = given(
        aUserAuthenticated(),
        aHashBound('hash-of-ann'),
        aRejection('security-hash-mismatch'),
      );

      const { outcome } = decideAuthentication(
        anAuthenticateUser(presenting('hash-of-ann')),
        state,
      );

      expect(outcome).toMatchObject({ kind: 'authenticated' });
    });
  });

  describe('S7: signed identity', () => {
    it('given the application requires it, when no proof was checked, then the user_hash is missing', () => {
      const { events, outcome } = decideAuthentication(
        anAuthenticateUser({ identityVerification: 'required' }),
        given(),
      );

      expect(events).toMatchObject([
        { type: 'AuthenticationRejected', reason: 'user-hash-missing' },
      ]);
      expect(outcome).toEqual({ kind: 'rejected', reason: 'user-hash-missing' });
    });

    it.each(['user-hash-invalid', 'user-jwt-invalid', 'user-jwt-missing'] as const)(
      'given the application requires it, when the proof failed with %s, then that refusal is recorded',
      (reason) => {
        const { events, outcome } = decideAuthentication(
          anAuthenticateUser({
            identityVerification: 'required',
            signedIdentity: { ok: false, reason },
          }),
          given(),
        );

        expect(events).toMatchObject([{ type: 'AuthenticationRejected', reason }]);
        expect(outcome).toEqual({ kind: 'rejected', reason });
      },
    );

    it('given a valid user_hash, then the session records which key verified it', () => {
      const ring = [
        { keyId: 'key-2026', secret: 's'.repeat(32), activeFrom: '1970-01-01T00:00:00Z' },
      ];
      const signedIdentity = verifyUserHash(
        '12345',
        userHashOf('s'.repeat(32), '12345'),
        ring,
        NOW,
      );

      const { events, outcome } = decideAuthentication(
        anAuthenticateUser({ identityVerification: 'required', signedIdentity }),
        given(),
      );

      expect(events).toMatchObject([{ type: 'UserAuthenticated', verifiedBy: 'key-2026' }]);
      expect(outcome).toMatchObject({ kind: 'authenticated', verifiedBy: 'key-2026' });
    });

    it('given a JWT with signed attributes, then they win over the unsigned ones', () => {
      const { events, outcome } = decideAuthentication(
        anAuthenticateUser({
          identityVerification: 'required',
          profile: { email: 'mallory@example.com', name: 'Mallory', phone: '+1' },
          signedIdentity: {
            ok: true,
            proof: 'user_jwt',
            verifiedBy: 'key-1',
            signedProfile: { email: 'ann@example.com', name: 'Ann' },
          },
        }),
        given(),
      );

      expect(events).toMatchObject([
        { profile: { email: 'ann@example.com', name: 'Ann', phone: '+1' }, verifiedBy: 'key-1' },
      ]);
      expect(outcome).toMatchObject({ displayName: 'Ann' });
    });

    it('given both S7 and S6 apply, then a valid proof still needs the bound security_hash', () => {
      const state = given(aUserAuthenticated(), aHashBound('hash-of-ann'));
      const signedIdentity = {
        ok: true,
        proof: 'user_hash',
        verifiedBy: 'k',
        signedProfile: {},
      } as const;

      const { outcome } = decideAuthentication(
        anAuthenticateUser({ identityVerification: 'required', signedIdentity }),
        state,
      );

      expect(outcome).toEqual({ kind: 'rejected', reason: 'security-hash-missing' });
    });

    it('given the application does not require it, then no proof is needed', () => {
      const { outcome } = decideAuthentication(anAuthenticateUser(), given());

      expect(outcome).toMatchObject({ kind: 'authenticated' });
      expect(outcome).not.toHaveProperty('verifiedBy');
    });
  });

  describe('brute-force limits', () => {
    const fiveMismatches = [50, 40, 30, 20, 1].map((s) =>
      aRejection('security-hash-mismatch', secondsBefore(s)),
    );

    it('given 5 recent wrong guesses, when even the right hash comes within the backoff, then it is refused as rate-limited and recorded', () => {
      const state = given(aUserAuthenticated(), aHashBound('hash-of-ann'), ...fiveMismatches);

      const { events, outcome } = decideAuthentication(
        anAuthenticateUser(presenting('hash-of-ann')),
        state,
      );

      expect(events).toMatchObject([{ type: 'AuthenticationRejected', reason: 'rate-limited' }]);
      expect(outcome).toEqual({ kind: 'rejected', reason: 'rate-limited', retryAfterSeconds: 1 });
    });

    it('given the lockout was already recorded, when attempts go on, then they are refused without growing the stream', () => {
      const state = given(
        aUserAuthenticated(),
        aHashBound('hash-of-ann'),
        ...fiveMismatches,
        aRejection('rate-limited', secondsBefore(0)),
      );

      const { events, outcome } = decideAuthentication(
        anAuthenticateUser(presenting('guess')),
        state,
      );

      expect(events).toEqual([]);
      expect(outcome).toMatchObject({ kind: 'rejected', reason: 'rate-limited' });
    });

    it('given the backoff has passed, then the right hash authenticates', () => {
      const state = given(aUserAuthenticated(), aHashBound('hash-of-ann'), ...fiveMismatches);
      const later = new Date(NOW.getTime() + 5_000);

      const { outcome } = decideAuthentication(
        anAuthenticateUser({ ...presenting('hash-of-ann'), now: later }),
        state,
      );

      expect(outcome).toMatchObject({ kind: 'authenticated' });
    });

    it('given wrong user_hash and user_jwt guesses, then they count as well', () => {
      const guesses = [5, 4, 3, 2, 1].map((s, i) =>
        aRejection(i % 2 ? 'user-hash-invalid' : 'user-jwt-invalid', secondsBefore(s)),
      );
      const signedIdentity = {
        ok: true,
        proof: 'user_hash',
        verifiedBy: 'k',
        signedProfile: {},
      } as const;

      const { outcome } = decideAuthentication(
        anAuthenticateUser({ identityVerification: 'required', signedIdentity }),
        given(...guesses),
      );

      expect(outcome).toMatchObject({ kind: 'rejected', reason: 'rate-limited' });
    });

    it('given only missing hashes, then no lockout follows: nothing was guessed', () => {
      const missing = [5, 4, 3, 2, 1].map((s) =>
        aRejection('security-hash-missing', secondsBefore(s)),
      );
      const state = given(aUserAuthenticated(), aHashBound('hash-of-ann'), ...missing);

      const { outcome } = decideAuthentication(
        anAuthenticateUser(presenting('hash-of-ann')),
        state,
      );

      expect(outcome).toMatchObject({ kind: 'authenticated' });
    });

    it('given the client address is blocked, when it tries a guarded user, then it is refused and recorded', () => {
      const retryAt = new Date(NOW.getTime() + 60_000);
      const state = given(aUserAuthenticated(), aHashBound('hash-of-ann'));

      const { events, outcome } = decideAuthentication(
        anAuthenticateUser({
          ...presenting('guess'),
          addressThrottle: { allowed: false, retryAt, retryAfterSeconds: 60 },
        }),
        state,
      );

      expect(events).toMatchObject([
        { type: 'AuthenticationRejected', reason: 'rate-limited', clientAddress: '203.0.113.7' },
      ]);
      expect(outcome).toEqual({ kind: 'rejected', reason: 'rate-limited', retryAfterSeconds: 60 });
    });

    it('given the client address is blocked, when the user has no secret to guess, then it is not limited', () => {
      const { outcome } = decideAuthentication(
        anAuthenticateUser({
          addressThrottle: { allowed: false, retryAt: NOW, retryAfterSeconds: 60 },
        }),
        given(),
      );

      expect(outcome).toMatchObject({ kind: 'authenticated' });
    });
  });

  describe('evolve', () => {
    it('given HashBound before any UserAuthenticated, then the stream is refused as invalid', () => {
      expect(() => given(aHashBound())).toThrow(InvalidUserStreamError);
    });

    it('given a second HashBound, then the stream is refused as invalid', () => {
      expect(() => given(aUserAuthenticated(), aHashBound('a'), aHashBound('b'))).toThrow(
        InvalidUserStreamError,
      );
    });

    it('given a HashBound whose value is not a keyed hash, then the stream is refused as invalid', () => {
      expect(() =>
        given(aUserAuthenticated(), { type: 'HashBound', userId: '12345', keyedHash: 'raw' }),
      ).toThrow(InvalidUserStreamError);
    });

    it('keeps a state that survives a JSON round trip, so it can be snapshotted', () => {
      const state = given(
        aUserAuthenticated({ profile: {}, generatedName: 'Giant Duck (anonym)' }),
        aHashBound(),
        aRejection('security-hash-mismatch'),
      );

      expect(JSON.parse(JSON.stringify(state))).toEqual(state);
    });

    it('decides the same events through the Decider interface', () => {
      const command = anAuthenticateUser(presenting('hash-of-ann'));

      expect(userIdentityDecider.decide(command, given())).toEqual(
        decideAuthentication(command, given()).events,
      );
    });
  });
});
