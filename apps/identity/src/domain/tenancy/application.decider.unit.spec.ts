import {
  applicationDecider,
  type ApplicationCommand,
  type ApplicationEvent,
} from './application.decider';
import { keysValidAt } from './identity-key-window';
import { given } from './tenancy.spec-kit';
import {
  ApplicationIdTakenError,
  ApplicationNotFoundError,
  IdentityKeyAlreadyRetiredError,
  IdentityKeyExistsError,
  IdentityKeyNotFoundError,
  IdentityKeyRequiredError,
  InvalidKeyWindowError,
  LastIdentityKeyError,
  OrganizationNotFoundError,
} from './tenancy.errors';

type Register = Extract<ApplicationCommand, { kind: 'register' }>;

const register = (overrides: Partial<Register> = {}): Register => ({
  kind: 'register',
  organizationDomain: 'acme.example',
  organizationExists: true,
  applicationId: '123456',
  name: 'Acme site',
  applicationSecretHash: 'scrypt$16384$8$1$c2FsdHNhbHQ$aGFzaGhhc2hoYXNoaGFzaA',
  allowedOrigins: ['https://acme.example'],
  identityVerification: 'none',
  ...overrides,
});

const anApplicationRegistered = (
  overrides: Partial<Extract<ApplicationEvent, { kind: 'application-registered' }>> = {},
): ApplicationEvent => {
  const { kind: _k, organizationExists: _o, initialKey: _i, ...fields } = register();
  return { kind: 'application-registered', ...fields, ...overrides };
};

const aKeyAdded = (keyId: string, activeFrom: string, retiresAt?: string): ApplicationEvent => ({
  kind: 'identity-key-added',
  applicationId: '123456',
  keyId,
  activeFrom,
  ...(retiresAt ? { retiresAt } : {}),
});

const T0 = '2026-11-23T10:00:00.000Z';
const T1 = '2026-11-24T10:00:00.000Z';
const T2 = '2026-11-25T10:00:00.000Z';

describe('application decider', () => {
  describe('register', () => {
    it('given a registered organization, when an application is registered, then ApplicationRegistered', () => {
      expect(given(applicationDecider).when(register())()).toEqual([anApplicationRegistered()]);
    });

    it('given an unknown organization, when an application is registered under it, then it is refused', () => {
      const when = given(applicationDecider).when(register({ organizationExists: false }));
      expect(when).toThrow(OrganizationNotFoundError);
      expect(when).toThrow(
        expect.objectContaining({ code: 'ORGANIZATION_NOT_FOUND', field: 'domain' }),
      );
    });

    it('given an application with that id, when registered again, then the id is taken (the handler retries)', () => {
      const when = given(applicationDecider, [anApplicationRegistered()]).when(register());
      expect(when).toThrow(ApplicationIdTakenError);
    });

    it('given required identity verification, when registered with a key, then the key is added in the same decision', () => {
      const events = given(applicationDecider).when(
        register({ identityVerification: 'required', initialKey: { keyId: 'k1', activeFrom: T0 } }),
      )();
      expect(events).toEqual([
        anApplicationRegistered({ identityVerification: 'required' }),
        aKeyAdded('k1', T0),
      ]);
    });

    it('given required identity verification, when registered without a key, then it is refused', () => {
      const when = given(applicationDecider).when(register({ identityVerification: 'required' }));
      expect(when).toThrow(IdentityKeyRequiredError);
    });
  });

  describe('identity keys and their rotation windows', () => {
    const verifying = [
      anApplicationRegistered({ identityVerification: 'required' }),
      aKeyAdded('k1', T0),
    ];

    it('given no application, when a key is added, then the application is unknown', () => {
      const when = given(applicationDecider).when({
        kind: 'add-key',
        applicationId: '123456',
        keyId: 'k1',
        activeFrom: T0,
      });
      expect(when).toThrow(ApplicationNotFoundError);
    });

    it('given key k1, when k1 is added again, then it is refused', () => {
      const when = given(applicationDecider, verifying).when({
        kind: 'add-key',
        applicationId: '123456',
        keyId: 'k1',
        activeFrom: T1,
      });
      expect(when).toThrow(IdentityKeyExistsError);
    });

    it('when a key would retire before it is active, then the window is refused naming retiresAt', () => {
      const when = given(applicationDecider, verifying).when({
        kind: 'add-key',
        applicationId: '123456',
        keyId: 'k2',
        activeFrom: T1,
        retiresAt: T0,
      });
      expect(when).toThrow(
        expect.objectContaining({ code: 'IDENTITY_KEY_WINDOW_INVALID', field: 'retiresAt' }),
      );
    });

    it('given k1 and a new k2, when k1 is retired at T2, then both verify until T2 and only k2 after', () => {
      const { state, when } = given(applicationDecider, [...verifying, aKeyAdded('k2', T1)]);
      const retired = when({
        kind: 'retire-key',
        applicationId: '123456',
        keyId: 'k1',
        retiresAt: T2,
        now: T1,
      })();
      expect(retired).toEqual([
        { kind: 'identity-key-retired', applicationId: '123456', keyId: 'k1', retiresAt: T2 },
      ]);
      const after = retired.reduce(applicationDecider.evolve, state);
      const keys = after.status === 'registered' ? after.identityKeys : [];
      const ids = (at: string) => keysValidAt(keys, new Date(at)).map((k) => k.keyId);
      expect(ids('2026-11-23T12:00:00.000Z')).toEqual(['k1']);
      expect(ids('2026-11-24T12:00:00.000Z')).toEqual(['k2', 'k1']);
      expect(ids(T2)).toEqual(['k2']);
    });

    it('given only k1 on a verifying application, when k1 is retired, then it is refused (would lock users out)', () => {
      const when = given(applicationDecider, verifying).when({
        kind: 'retire-key',
        applicationId: '123456',
        keyId: 'k1',
        retiresAt: T2,
        now: T1,
      });
      expect(when).toThrow(LastIdentityKeyError);
    });

    it('given k1 already retiring, when retired again, then it is refused', () => {
      const when = given(applicationDecider, [
        ...verifying,
        aKeyAdded('k2', T1),
        { kind: 'identity-key-retired', applicationId: '123456', keyId: 'k1', retiresAt: T2 },
      ]).when({ kind: 'retire-key', applicationId: '123456', keyId: 'k1', retiresAt: T2, now: T1 });
      expect(when).toThrow(IdentityKeyAlreadyRetiredError);
    });

    it('when a retirement lies in the past, then it is refused; when the key is unknown, then not found', () => {
      const { when } = given(applicationDecider, [...verifying, aKeyAdded('k2', T1)]);
      expect(
        when({ kind: 'retire-key', applicationId: '123456', keyId: 'k1', retiresAt: T0, now: T1 }),
      ).toThrow(InvalidKeyWindowError);
      expect(
        when({
          kind: 'retire-key',
          applicationId: '123456',
          keyId: 'nope',
          retiresAt: T2,
          now: T1,
        }),
      ).toThrow(IdentityKeyNotFoundError);
    });
  });
});
