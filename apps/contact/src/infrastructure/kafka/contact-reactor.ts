import type { CommandBus } from '@nestjs/cqrs';
import {
  contactIdOfThread,
  type KnownEvent,
  type MessageSentV1,
  type TypedEvent,
  type UserAuthenticatedV1,
  type VisitorStartedV1,
} from '@threadline/contracts';
import { defineProjection, type Projection } from '@threadline/eventing';
import {
  RecordAuthenticationCommand,
  RecordMessageCommand,
  StartVisitorCommand,
  type Causation,
} from '../../application/contacts';

type ReactedEvent = TypedEvent<
  typeof UserAuthenticatedV1 | typeof VisitorStartedV1 | typeof MessageSentV1
>;

const causationOf = (event: KnownEvent): Causation => ({
  correlationId: event.correlationId,
  causationId: event.eventId,
});

/** The command an identity or conversation event asks of contacts, if any. */
export function commandFor(event: KnownEvent): object | undefined {
  const reacted = event as ReactedEvent;
  switch (reacted.type) {
    case 'identity.user-authenticated': {
      const p = reacted.payload;
      return new RecordAuthenticationCommand(
        reacted.tenantId,
        p.userId,
        p.profile,
        p.generatedName,
        p.previousVisitorId,
        reacted.occurredAt,
        causationOf(event),
        p.customData,
      );
    }
    case 'identity.visitor-started':
      return new StartVisitorCommand(
        reacted.tenantId,
        reacted.payload.visitorId,
        reacted.payload.generatedName,
        reacted.occurredAt,
        causationOf(event),
      );
    case 'conversation.message-sent': {
      if (reacted.payload.author.kind !== 'user') return undefined;
      const contactId = contactIdOfThread(reacted.streamId);
      if (contactId === undefined) return undefined;
      return new RecordMessageCommand(
        reacted.tenantId,
        contactId,
        reacted.payload.sentAt ?? reacted.occurredAt,
        causationOf(event),
      );
    }
    default:
      return undefined;
  }
}

/**
 * Turns identity and conversation events into contact commands (S9, S12). It runs on the
 * projection runner for its decode, retry, dead-letter and commit-after-success, but its "read
 * model" is the contact streams: `collection` is never written, and it is never replayed. Every
 * command it sends is idempotent, so a redelivered event changes nothing.
 */
export function contactReactor(
  commands: CommandBus,
  topics: { identity: string; conversation: string },
): Projection {
  return defineProjection({
    name: 'contact-reactor',
    topics: [topics.identity, topics.conversation],
    collection: 'contact_reactor',
    schemaVersion: 1,
    async apply(event) {
      const command = commandFor(event);
      if (command) await commands.execute(command);
    },
  });
}
