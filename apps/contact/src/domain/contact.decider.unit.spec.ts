import type { ContactCommand } from './contact.commands';
import { contactDecider, decideContact, SEEN_RESOLUTION_MS } from './contact.decider';
import {
  ContactMergedError,
  ContactNotFoundError,
  CustomAttributeLimitError,
  NotAVisitorError,
} from './contact.errors';
import type { ContactChange, ContactEvent } from './contact.events';

const at = (secondsAfter = 0) =>
  new Date(Date.parse('2026-11-23T10:00:00.000Z') + secondsAfter * 1000).toISOString();

const given = (...changes: ContactChange[]) =>
  changes
    .map((change) => ({ ...change, contactId: 'c', applicationId: 'app-1' }) as ContactEvent)
    .reduce(contactDecider.evolve, contactDecider.initialState());

/** The decided events without their `contactId`, which one spec below checks on its own. */
const when = (command: ContactCommand, ...history: ContactChange[]): ContactChange[] =>
  decideContact(command, given(...history)).map(
    ({ contactId: _contactId, applicationId: _applicationId, ...change }) => change,
  );

const aUserCreated = (
  overrides: Partial<Extract<ContactChange, { type: 'ContactCreated' }>> = {},
) =>
  ({
    type: 'ContactCreated',
    kind: 'user',
    userId: 'u-1',
    profile: { email: 'ann@example.com' },
    source: 'widget',
    authenticated: true,
    ...overrides,
  }) as const satisfies ContactChange;

const aVisitorCreated = () =>
  ({
    type: 'ContactCreated',
    kind: 'visitor',
    generatedName: 'Giant Duck (anonym)',
    profile: {},
    source: 'widget',
    authenticated: false,
  }) as const satisfies ContactChange;

const authentication = (
  overrides: Partial<Extract<ContactCommand, { kind: 'record-authentication' }>> = {},
) =>
  ({
    kind: 'record-authentication',
    contactId: 'usr_1',
    applicationId: 'app-1',
    userId: 'u-1',
    profile: { email: 'ann@example.com' },
    at: at(),
    ...overrides,
  }) as const satisfies ContactCommand;

describe('contact decider', () => {
  it('stamps every event with the contact of the command, for the audit (payload.contactId)', () => {
    const events = decideContact(
      authentication({ contactId: 'usr_7', applicationId: 'app-1' }),
      given(),
    );
    expect(events.map((e) => e.contactId)).toEqual(['usr_7', 'usr_7']);
    expect(events.map((e) => e.applicationId)).toEqual(['app-1', 'app-1']);
  });

  it('given a contact of one application, when another application names it, then it is not found (S17)', () => {
    expect(() =>
      when(
        { ...authentication(), applicationId: 'app-2' },
        {
          type: 'ContactCreated',
          kind: 'user',
          userId: 'u-1',
          profile: {},
          source: 'widget',
          authenticated: true,
        },
      ),
    ).toThrow(ContactNotFoundError);
  });

  describe('S9a: a user who inits is a contact, whether or not they write', () => {
    it('given no contact, when the user authenticates, then an authenticated contact is created and seen', () => {
      expect(when(authentication({ generatedName: 'Giant Duck (anonym)' }))).toEqual([
        {
          type: 'ContactCreated',
          kind: 'user',
          userId: 'u-1',
          generatedName: 'Giant Duck (anonym)',
          profile: { email: 'ann@example.com' },
          source: 'widget',
          authenticated: true,
        },
        { type: 'ContactSeen', at: at(), via: 'authentication' },
      ]);
    });

    it('given the contact, when an init sends changed profile fields, then only the changes are recorded', () => {
      const events = when(
        authentication({
          profile: { email: 'ann@example.com', name: 'Ann', company: 'Acme' },
          at: at(120),
        }),
        aUserCreated(),
        { type: 'ContactSeen', at: at(), via: 'authentication' },
      );
      expect(events).toEqual([
        {
          type: 'ContactUpdated',
          profile: { name: 'Ann', company: 'Acme' },
          via: 'authentication',
        },
        { type: 'ContactSeen', at: at(120), via: 'authentication' },
      ]);
    });

    it('given the contact seen moments ago, when the same init is redelivered, then nothing is recorded', () => {
      const history = [
        aUserCreated(),
        { type: 'ContactSeen', at: at(), via: 'authentication' } as const,
      ];
      expect(when(authentication(), ...history)).toEqual([]);
      expect(when(authentication({ at: at(SEEN_RESOLUTION_MS / 1000 - 1) }), ...history)).toEqual(
        [],
      );
    });
  });

  describe('S9b: a visitor joins Contacts with the pre-chat form and a first message', () => {
    const visitorMessage = (seconds = 0) =>
      ({
        kind: 'record-message',
        contactId: 'vis_1',
        applicationId: 'app-1',
        at: at(seconds),
      }) as const;
    const preChat = {
      kind: 'submit-pre-chat',
      contactId: 'vis_1',
      applicationId: 'app-1',
      name: 'Bob',
      email: 'bob@example.com',
    } as const;

    it('given a visitor who filled in the form, when it writes, then it is seen and authenticated', () => {
      expect(
        when(visitorMessage(), aVisitorCreated(), {
          type: 'PreChatFormSubmitted',
          name: 'Bob',
          email: 'bob@example.com',
        }),
      ).toEqual([
        { type: 'ContactSeen', at: at(), via: 'message' },
        { type: 'ContactAuthenticated', via: 'pre-chat-and-message' },
      ]);
    });

    it('given a visitor who wrote first, when it fills in the form, then it is authenticated', () => {
      expect(
        when(preChat, aVisitorCreated(), { type: 'ContactSeen', at: at(), via: 'message' }),
      ).toEqual([
        { type: 'PreChatFormSubmitted', name: 'Bob', email: 'bob@example.com' },
        { type: 'ContactAuthenticated', via: 'pre-chat-and-message' },
      ]);
    });

    it('given an anonymous visitor without the form, when it writes, then it stays out of Contacts', () => {
      expect(when(visitorMessage(), aVisitorCreated())).toEqual([
        { type: 'ContactSeen', at: at(), via: 'message' },
      ]);
    });

    it('given an authenticated visitor, when it writes again within the minute, then nothing is recorded', () => {
      expect(
        when(
          visitorMessage(30),
          aVisitorCreated(),
          { type: 'PreChatFormSubmitted', name: 'Bob', email: 'bob@example.com' },
          { type: 'ContactSeen', at: at(), via: 'message' },
          { type: 'ContactAuthenticated', via: 'pre-chat-and-message' },
        ),
      ).toEqual([]);
    });

    it('given no contact yet (the form came before the start), then the form opens the contact', () => {
      expect(when(preChat)).toEqual([
        {
          type: 'ContactCreated',
          kind: 'visitor',
          profile: {},
          source: 'pre-chat',
          authenticated: false,
        },
        { type: 'PreChatFormSubmitted', name: 'Bob', email: 'bob@example.com' },
      ]);
      const start = {
        kind: 'start-visitor',
        contactId: 'vis_1',
        applicationId: 'app-1',
        generatedName: 'Giant Duck (anonym)',
        at: at(),
      } as const;
      expect(when(start, ...when(preChat))).toEqual([
        {
          type: 'ContactUpdated',
          profile: {},
          generatedName: 'Giant Duck (anonym)',
          via: 'visitor-start',
        },
      ]);
      expect(when(start, aVisitorCreated())).toEqual([]);
    });

    it('given a user contact, when a pre-chat form comes, then it is refused', () => {
      expect(() =>
        when({ ...preChat, contactId: 'usr_1', applicationId: 'app-1' }, aUserCreated()),
      ).toThrow(NotAVisitorError);
    });
  });

  describe('S11: profile and custom attributes', () => {
    it('given an unknown contact, when its profile is updated, then it is not found', () => {
      expect(() =>
        when({
          kind: 'update-profile',
          contactId: 'usr_9',
          applicationId: 'app-1',
          profile: { name: 'X' },
        }),
      ).toThrow(ContactNotFoundError);
    });

    it('given a contact known only from an import, when it is updated, then its stream opens first', () => {
      expect(
        when({
          kind: 'update-profile',
          contactId: 'usr_9',
          applicationId: 'app-1',
          profile: { name: 'X' },
          imported: { kind: 'user', userId: 'u-9', profileFields: ['email'], attributeKeys: [] },
        }),
      ).toEqual([
        {
          type: 'ContactCreated',
          kind: 'user',
          userId: 'u-9',
          profile: {},
          source: 'import',
          authenticated: true,
        },
        { type: 'ContactUpdated', profile: { name: 'X' }, via: 'profile-update' },
      ]);
    });

    const setAttributes = (
      attributes: Record<string, string | number | boolean | { date: string } | null>,
      importedKeys: string[] = [],
      limit = 3,
    ) =>
      ({
        kind: 'set-attributes',
        contactId: 'usr_1',
        applicationId: 'app-1',
        attributes,
        importedKeys,
        limit,
      }) as const;

    it('given attributes, when some are set to the same values, then only changes are recorded', () => {
      const history = [
        aUserCreated(),
        {
          type: 'CustomAttributesSet',
          attributes: { plan: 'pro', renews: { date: '2027-01-01T00:00:00Z' } },
        } as const,
      ];
      expect(
        when(
          setAttributes({ plan: 'pro', renews: { date: '2027-01-01T00:00:00Z' }, seats: 3 }),
          ...history,
        ),
      ).toEqual([{ type: 'CustomAttributesSet', attributes: { seats: 3 } }]);
    });

    it("given a key set at 10:00:05, when an init's custom_data of 10:00:01 arrives late, then only its other keys apply", () => {
      const history = [
        aUserCreated(),
        {
          type: 'CustomAttributesSet',
          attributes: { seats: null, trial: false },
          at: '2026-11-24T10:00:05.000Z',
        } as const,
      ];
      expect(
        when(
          { ...setAttributes({ plan: 'pro', seats: 3 }), requestedAt: '2026-11-24T10:00:01.000Z' },
          ...history,
        ),
      ).toEqual([
        {
          type: 'CustomAttributesSet',
          attributes: { plan: 'pro' },
          at: '2026-11-24T10:00:01.000Z',
        },
      ]);
    });

    it('given a key set at 10:00:01, when a set of 10:00:05 comes, then it wins', () => {
      const history = [
        aUserCreated(),
        {
          type: 'CustomAttributesSet',
          attributes: { seats: 3 },
          at: '2026-11-24T10:00:01.000Z',
        } as const,
      ];
      expect(
        when(
          { ...setAttributes({ seats: null }), requestedAt: '2026-11-24T10:00:05.000Z' },
          ...history,
        ),
      ).toEqual([
        {
          type: 'CustomAttributesSet',
          attributes: { seats: null },
          at: '2026-11-24T10:00:05.000Z',
        },
      ]);
    });

    it('given an imported key, when it is removed, then a null hides it; removing an absent key records nothing', () => {
      expect(when(setAttributes({ tier: null, ghost: null }, ['tier']), aUserCreated())).toEqual([
        { type: 'CustomAttributesSet', attributes: { tier: null } },
      ]);
    });

    it('given the limit reached, when a new key is set, then it is refused naming attributes', () => {
      const full = [
        aUserCreated(),
        { type: 'CustomAttributesSet', attributes: { a: 1, b: 2 } } as const,
      ];
      expect(() => when(setAttributes({ c: 3 }, ['d']), ...full)).toThrow(
        CustomAttributeLimitError,
      );
      expect(when(setAttributes({ c: 3, a: null }, ['d']), ...full)).toEqual([
        { type: 'CustomAttributesSet', attributes: { c: 3, a: null } },
      ]);
    });
  });

  describe('S12: visitor becomes user', () => {
    const mergeInto = {
      kind: 'merge-into',
      contactId: 'vis_1',
      applicationId: 'app-1',
      intoContactId: 'usr_1',
      userId: 'u-1',
    } as const;

    it('given a visitor, when merged, then it closes once and refuses further commands with where it went', () => {
      const events = when(mergeInto, aVisitorCreated());
      expect(events).toEqual([
        { type: 'ContactMergedInto', intoContactId: 'usr_1', userId: 'u-1' },
      ]);
      expect(when(mergeInto, aVisitorCreated(), ...events)).toEqual([]);
      expect(
        when(
          {
            kind: 'start-visitor',
            contactId: 'vis_1',
            applicationId: 'app-1',
            generatedName: 'X',
            at: at(),
          },
          ...events,
        ),
      ).toEqual([]);
      try {
        when(
          { kind: 'record-message', contactId: 'vis_1', applicationId: 'app-1', at: at() },
          aVisitorCreated(),
          ...events,
        );
        throw new Error('expected a refusal');
      } catch (error) {
        expect(error).toBeInstanceOf(ContactMergedError);
        expect(error).toMatchObject({ intoContactId: 'usr_1' });
      }
    });

    it('given a user, when it absorbs a visitor, then it takes what it lacks, once', () => {
      const absorb = {
        kind: 'absorb-visitor',
        contactId: 'usr_1',
        applicationId: 'app-1',
        visitorContactId: 'vis_1',
        visitorId: 'v-1',
        visitor: {
          profile: { name: 'Bobby', email: 'bob@example.com', phone: '+1' },
          attributes: { plan: 'free', referrer: 'ad', gone: null },
        },
        importedProfileFields: ['phone'],
        importedAttributeKeys: [],
        limit: 100,
      } as const;
      const history = [
        aUserCreated({ profile: { email: 'ann@example.com' } }),
        { type: 'CustomAttributesSet', attributes: { plan: 'pro' } } as const,
      ];
      const events = when(absorb, ...history);
      expect(events).toEqual([
        {
          type: 'ContactsMerged',
          mergedContactId: 'vis_1',
          visitorId: 'v-1',
          profile: { name: 'Bobby' },
          attributes: { referrer: 'ad' },
        },
      ]);
      expect(when(absorb, ...history, ...events)).toEqual([]);
      expect(given(...history, ...events)).toMatchObject({
        profile: { email: 'ann@example.com', name: 'Bobby' },
        attributes: { plan: 'pro', referrer: 'ad' },
        mergedFrom: ['vis_1'],
      });
    });
  });
});
