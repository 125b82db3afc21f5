import { contactIdOf, contactStreamId } from '@threadline/contracts';
import { streamUpdateOf } from './contacts.projection';

const applicationId = 'app-1';
const visitor = contactIdOf(applicationId, { kind: 'visitor', visitorId: 'v-1' });
const envelope = (streamVersion: number) => ({
  eventId: `019aaf00-0000-7000-8000-00000000000${streamVersion}`,
  version: 1 as const,
  occurredAt: '2026-11-23T10:00:00.000Z',
  tenantId: applicationId,
  streamId: contactStreamId(visitor),
  streamVersion,
  correlationId: 'corr',
  causationId: 'cause',
});

/** A value MongoDB keeps on insert and FerretDB 1.24 drops: the two stores would disagree. */
const emptyOnInsert = (value: unknown) =>
  value === null || (Array.isArray(value) && value.length === 0);

describe("contacts projection: a stream event's update", () => {
  it('given a visitor created without a user id or name, when the update is built, then the insert defaults hold no null or [] and no optional field', () => {
    const update = streamUpdateOf({
      ...envelope(1),
      type: 'contact.contact-created',
      payload: {
        contactId: visitor,
        kind: 'visitor',
        profile: {},
        source: 'widget',
        authenticated: false,
      },
    });

    const onInsert = update.$setOnInsert ?? {};
    expect(Object.entries(onInsert).filter(([, value]) => emptyOnInsert(value))).toEqual([]);
    for (const optional of ['userId', 'generatedName', 'mergedInto', 'mergedFrom', 'importedAt']) {
      expect(onInsert).not.toHaveProperty(optional);
    }
    expect(onInsert).toEqual({
      applicationId,
      kind: 'visitor',
      own: {},
      ownAttributes: {},
      authenticated: false,
      seenAt: '',
      importKey: '',
      importedProfile: {},
      importedAttributes: {},
    });
  });
});
