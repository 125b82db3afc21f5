import { Inject } from '@nestjs/common';
import { CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import { contactIdOf, threadStreamId } from '@threadline/contracts';
import type { EventMetadata } from '@threadline/eventing';
import type { StartedThread } from '../../domain';
import {
  THREAD_HISTORY,
  THREAD_REPOSITORY,
  type ThreadHistory,
  type ThreadRepository,
} from '../ports/thread-repository.port';
import {
  MergeVisitorConversationCommand,
  type MergeOutcome,
} from './merge-visitor-conversation.command';

/**
 * S12 in two appends, each idempotent: first the visitor's thread is sealed for this user (so a
 * visitor message racing the merge either made it in before the seal or is refused after it),
 * then the sealed messages join the user's thread. A crash in between is healed by the
 * redelivered identity event: the seal is found, and the second step runs again.
 */
@CommandHandler(MergeVisitorConversationCommand)
export class MergeVisitorConversationHandler implements ICommandHandler<MergeVisitorConversationCommand> {
  constructor(
    @Inject(THREAD_REPOSITORY) private readonly threads: ThreadRepository,
    @Inject(THREAD_HISTORY) private readonly history: ThreadHistory,
  ) {}

  async execute(command: MergeVisitorConversationCommand): Promise<MergeOutcome> {
    const { applicationId } = command;
    const visitorContact = contactIdOf(applicationId, {
      kind: 'visitor',
      visitorId: command.visitorId,
    });
    const userContact = contactIdOf(applicationId, { kind: 'user', userId: command.userId });
    const metadata: EventMetadata = {
      tenantId: applicationId,
      correlationId: command.correlationId,
      causationId: command.causationId,
    };
    const visitorStream = threadStreamId(visitorContact);

    // Decided on fresh state only: a visitor message just appended elsewhere must not be missed.
    const { value: sealed } = await this.threads.update<StartedThread | null>(
      visitorStream,
      metadata,
      (visitor) => {
        const state = visitor.state;
        if (state.status === 'none' || state.applicationId !== applicationId) return null;
        if (state.status === 'merged') return state.mergedInto === userContact ? state : null;
        const seal = {
          kind: 'seal-for-merge' as const,
          applicationId,
          contactId: visitorContact,
          intoContactId: userContact,
        };
        return visitor.execute(seal).length === 0 ? null : (visitor.state as StartedThread);
      },
      { fresh: true },
    );
    if (!sealed) return { merged: false, messages: 0 };

    const messages = await this.history.messagesOf(visitorStream);
    const result = await this.threads.execute(
      threadStreamId(userContact),
      {
        kind: 'absorb',
        applicationId,
        contactId: userContact,
        fromContactId: visitorContact,
        messages,
        fromReadUpTo: {
          ...(sealed.readUpTo.user === null ? {} : { user: sealed.readUpTo.user }),
          ...(sealed.readUpTo.agent === null ? {} : { agent: sealed.readUpTo.agent }),
        },
      },
      metadata,
      { fresh: true },
    );
    const absorbed = (result?.events ?? []).flatMap((e) =>
      e.type === 'conversation.conversation-merged' ? e.payload.messages : [],
    );
    return { merged: true, messages: absorbed.length };
  }
}
