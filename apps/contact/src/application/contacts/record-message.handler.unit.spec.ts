import { contactIdOf, contactStreamId } from '@threadline/contracts';
import {
  AggregateRepository,
  CachedAggregates,
  InMemoryEventStore,
  type EventStore,
} from '@threadline/eventing';
import { ContactError, contactDecider } from '../../domain';
import { contactCodec } from '../../infrastructure/eventing/contact.codec';
import { ContactCommandsExecutor } from './contact-commands.executor';
import { RecordMessageHandler } from './reactor.handlers';
import { RecordMessageCommand } from './reactor.commands';

const applicationId = 'app-1';
const visitor = contactIdOf(applicationId, { kind: 'visitor', visitorId: 'v-1' });
const user = contactIdOf(applicationId, { kind: 'user', userId: 'u-1' });
const metadata = { tenantId: applicationId, correlationId: 'corr', causationId: 'cause' };
const at = (seconds: number) =>
  new Date(Date.parse('2026-11-23T10:00:00.000Z') + seconds * 1000).toISOString();

/** The contact service's executor over an in-memory store that counts stream reads. */
function contactService() {
  const store = new InMemoryEventStore();
  const counts = { loads: 0 };
  const counting: EventStore = {
    load: (id, options) => {
      counts.loads++;
      return store.load(id, options);
    },
    append: (id, expected, events, options) => store.append(id, expected, events, options),
  };
  const remembered = new CachedAggregates(
    new AggregateRepository(counting, contactDecider, contactCodec),
    contactDecider,
    { maxStreams: 10, attempts: 4, isRefusal: (error) => error instanceof ContactError },
  );
  const executor = new ContactCommandsExecutor(remembered);
  const messages = new RecordMessageHandler(executor);
  const record = (contactId: string, seconds: number) =>
    messages.execute(
      new RecordMessageCommand(applicationId, contactId, at(seconds), {
        correlationId: 'corr',
        causationId: `message-${seconds}`,
      }),
    );
  const typesOf = async (contactId: string) =>
    (await store.load(contactStreamId(contactId))).map((event) => event.type);
  const startVisitor = () =>
    executor.execute(
      {
        kind: 'start-visitor',
        contactId: visitor,
        applicationId,
        generatedName: 'Giant Duck',
        at: at(0),
      },
      metadata,
    );
  return { executor, startVisitor, record, typesOf, counts };
}

describe('recording messages on a contact (S9)', () => {
  it('given a visitor this process started, when it writes ten messages within a minute, then its stream is read once and "seen" recorded once', async () => {
    const { startVisitor, record, typesOf, counts } = contactService();
    await startVisitor();

    for (let second = 1; second <= 10; second++) await record(visitor, second);

    expect(counts.loads).toBe(1);
    expect(await typesOf(visitor)).toEqual(['contact.contact-created', 'contact.contact-seen']);
  });

  it('given a minute has passed since "seen", when the visitor writes again, then "seen" moves without a read', async () => {
    const { startVisitor, record, typesOf, counts } = contactService();
    await startVisitor();
    await record(visitor, 1);

    await record(visitor, 90);

    expect(counts.loads).toBe(1);
    expect(await typesOf(visitor)).toEqual([
      'contact.contact-created',
      'contact.contact-seen',
      'contact.contact-seen',
    ]);
  });

  it('given the visitor was merged into a user (S12), when a message of the visitor is recorded within the minute, then it lands on the user', async () => {
    const { executor, startVisitor, record, typesOf } = contactService();
    await startVisitor();
    await record(visitor, 1);
    await executor.execute(
      { kind: 'merge-into', contactId: visitor, applicationId, intoContactId: user, userId: 'u-1' },
      metadata,
    );

    await record(visitor, 2);

    expect(await typesOf(user)).toEqual(['contact.contact-seen']);
  });
});
