import { Inject } from '@nestjs/common';
import { CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import { threadStreamId, type AcceptedSentMessage } from '@threadline/contracts';
import { randomUUID } from 'node:crypto';
import {
  ClientMessageIdConflictError,
  ThreadNotFoundError,
  authorKeyOf,
  findByClientMessageId,
  type AcceptedMessage,
  type Message,
  type SendMessage,
} from '../../domain';
import {
  CONVERSATION_CLOCK,
  MESSAGE_IDS,
  THREAD_HISTORY,
  THREAD_REPOSITORY,
  type ConversationClock,
  type MessageIds,
  type ThreadHistory,
  type ThreadRepository,
} from '../ports/thread-repository.port';
import { SendMessageCommand } from './send-message.command';
import { threadMessageView } from './thread-message.view';

type Decision = { duplicate: AcceptedMessage } | { sent: Message };

/**
 * S13: a message from one of the contact's devices or an agent joins the thread's one order. A
 * retried `clientMessageId` appends nothing and answers with the original message.
 */
@CommandHandler(SendMessageCommand)
export class SendMessageHandler implements ICommandHandler<SendMessageCommand> {
  constructor(
    @Inject(THREAD_REPOSITORY) private readonly threads: ThreadRepository,
    @Inject(THREAD_HISTORY) private readonly history: ThreadHistory,
    @Inject(CONVERSATION_CLOCK) private readonly clock: ConversationClock,
    @Inject(MESSAGE_IDS) private readonly newMessageId: MessageIds,
  ) {}

  async execute(command: SendMessageCommand): Promise<AcceptedSentMessage> {
    const streamId = threadStreamId(command.contactId);
    const send: SendMessage = {
      kind: 'send',
      applicationId: command.applicationId,
      contactId: command.contactId,
      messageId: this.newMessageId(),
      clientMessageId: command.clientMessageId,
      sender: command.sender,
      text: command.text,
      now: this.clock.now().getTime(),
    };
    const metadata = {
      tenantId: command.applicationId,
      correlationId: command.correlationId,
      causationId: randomUUID(),
    };
    const { value, appended } = await this.threads.update<Decision>(
      streamId,
      metadata,
      (thread) => {
        // Another application's thread is no thread at all (S17), even to a retried clientMessageId:
        // checked before the retry lookup, so a 409 never tells that an id exists there.
        const { state } = thread;
        if (state.status !== 'none' && state.applicationId !== send.applicationId) {
          throw new ThreadNotFoundError(send.contactId);
        }
        const earlier = findByClientMessageId(thread.state, send.clientMessageId);
        if (earlier) {
          if (earlier.authorKey !== authorKeyOf(send.sender)) {
            throw new ClientMessageIdConflictError(send.clientMessageId);
          }
          return { duplicate: earlier };
        }
        const sent = thread.execute(send).find((e) => e.type === 'MessageSent');
        if (!sent) throw new Error('a new message decided no MessageSent');
        return { sent: sent.message };
      },
    );
    if ('sent' in value) {
      this.history.remember(streamId, [value.sent]);
      return {
        message: threadMessageView(value.sent),
        duplicate: false,
        ...(appended && {
          position: { fromVersion: appended.fromVersion, toVersion: appended.toVersion },
        }),
      };
    }
    const { version, messageId } = value.duplicate;
    const original = await this.history.messageAt(streamId, version, messageId);
    if (!original) throw new Error(`${streamId}@${version} does not hold message ${messageId}`);
    return { message: threadMessageView(original), duplicate: true };
  }
}
