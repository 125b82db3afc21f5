import { Command } from '@nestjs/cqrs';
import type { AcceptedSentMessage } from '@threadline/contracts';
import type { Sender } from '../../domain';

export class SendMessageCommand extends Command<AcceptedSentMessage> {
  constructor(
    readonly applicationId: string,
    readonly contactId: string,
    readonly clientMessageId: string,
    readonly sender: Sender,
    readonly text: string,
    readonly correlationId: string,
  ) {
    super();
  }
}
