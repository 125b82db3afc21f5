import { Inject } from '@nestjs/common';
import { CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import { threadStreamId } from '@threadline/contracts';
import { randomUUID } from 'node:crypto';
import { THREAD_REPOSITORY, type ThreadRepository } from '../ports/thread-repository.port';
import { MarkThreadReadCommand } from './mark-thread-read.command';

/** One side read the thread up to a message; its unread count is recounted from there. */
@CommandHandler(MarkThreadReadCommand)
export class MarkThreadReadHandler implements ICommandHandler<MarkThreadReadCommand> {
  constructor(@Inject(THREAD_REPOSITORY) private readonly threads: ThreadRepository) {}

  async execute(command: MarkThreadReadCommand): Promise<void> {
    await this.threads.execute(
      threadStreamId(command.contactId),
      {
        kind: 'mark-read',
        applicationId: command.applicationId,
        contactId: command.contactId,
        side: command.side,
        upTo: command.upTo,
      },
      {
        tenantId: command.applicationId,
        correlationId: command.correlationId,
        causationId: randomUUID(),
      },
    );
  }
}
