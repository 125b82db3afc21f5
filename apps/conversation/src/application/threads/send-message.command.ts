import { Command } from '@nestjs/cqrs';
import type { SentMessage } from '@threadline/contracts';
import type { Sender } from '../../domain';

export class SendMessageCommand extends Command<SentMessage> {
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
