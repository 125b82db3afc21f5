import { contactIdOf, type ContactView } from '@threadline/contracts';
import { widgetSessionOf } from './widget-session.mapper';

const issued = {
  sessionId: 's1',
  sessionToken: 'v1.p.s',
  expiresAt: '2026-12-23T10:00:00.000Z',
  deviceToken: 'device-token-1',
};
const aContact = (overrides: Partial<ContactView> = {}): ContactView => ({
  contactId: contactIdOf('123456', { kind: 'visitor', visitorId: 'v-1' }),
  applicationId: '123456',
  userId: null,
  name: 'Ann',
  email: 'ann@x.example',
  phone: '',
  company: '',
  authenticated: false,
  source: 'pre-chat',
  customAttributes: {},
  createdAt: '2026-11-23T10:00:00.000Z',
  lastSeenAt: null,
  ...overrides,
});

describe('widget session of an init', () => {
  it('gives a user their contact, name and profile, and no pre-chat form (S2)', () => {
    const session = widgetSessionOf(
      '123456',
      {
        mode: 'user',
        userId: 'u-1',
        displayName: 'Giant Duck (anonym)',
        profile: { phone: '1' },
        ...issued,
      },
      null,
    );
    expect(session).toEqual({
      mode: 'user',
      sessionToken: 'v1.p.s',
      expiresAt: issued.expiresAt,
      deviceToken: 'device-token-1',
      applicationId: '123456',
      contactId: contactIdOf('123456', { kind: 'user', userId: 'u-1' }),
      displayName: 'Giant Duck (anonym)',
      profile: { phone: '1' },
    });
  });

  it('given a user imported from CSV, when an init sends no name, then the imported profile shows (S10)', () => {
    const imported = aContact({
      contactId: contactIdOf('123456', { kind: 'user', userId: 'u-2' }),
      userId: 'u-2',
      name: 'Irma Importer',
      email: 'irma@x.example',
      company: 'Acme',
      source: 'import',
    });
    const session = widgetSessionOf(
      '123456',
      {
        mode: 'user',
        userId: 'u-2',
        displayName: 'Lucky Pigeon (anonym)',
        profile: { company: 'Acme Ltd' },
        ...issued,
      },
      imported,
    );
    expect(session).toMatchObject({
      displayName: 'Irma Importer',
      profile: { name: 'Irma Importer', email: 'irma@x.example', company: 'Acme Ltd' },
    });
  });

  it('given a contact with only a generated name, then the name stays out of the profile (S5)', () => {
    const session = widgetSessionOf(
      '123456',
      { mode: 'user', userId: 'u-3', displayName: 'Giant Duck (anonym)', profile: {}, ...issued },
      aContact({ name: 'Giant Duck (anonym)', email: '', source: 'widget' }),
    );
    expect(session).toMatchObject({ displayName: 'Giant Duck (anonym)', profile: {} });
  });

  it('asks a new visitor for the pre-chat form, prefilled (S4), and not one who filled it in', () => {
    const visitor = {
      mode: 'visitor' as const,
      visitorId: 'v-1',
      generatedName: 'Giant Duck (anonym)',
      preChatForm: { name: 'Ann' },
      ...issued,
    };
    expect(widgetSessionOf('123456', visitor, null)).toMatchObject({
      mode: 'visitor',
      contactId: contactIdOf('123456', { kind: 'visitor', visitorId: 'v-1' }),
      displayName: 'Giant Duck (anonym)',
      profile: {},
      preChatForm: { required: true, name: 'Ann' },
    });
    expect(
      widgetSessionOf(
        '123456',
        visitor,
        aContact({ source: 'widget', name: 'Giant Duck (anonym)', email: '' }),
      ),
    ).toMatchObject({ preChatForm: { required: true } });
    expect(widgetSessionOf('123456', visitor, aContact({ source: 'widget' }))).toMatchObject({
      displayName: 'Ann',
      preChatForm: { required: false },
    });
    expect(widgetSessionOf('123456', visitor, aContact())).toMatchObject({
      displayName: 'Ann',
      profile: { name: 'Ann', email: 'ann@x.example' },
      preChatForm: { required: false },
    });
  });
});
