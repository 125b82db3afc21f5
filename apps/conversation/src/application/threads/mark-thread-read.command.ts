import { Command } from '@nestjs/cqrs';
import type { Side } from '../../domain';

export class MarkThreadReadCommand extends Command<void> {
  constructor(
    readonly applicationId: string,
    readonly contactId: string,
    readonly side: Side,
    /** A message's cursor or id. */
    readonly upTo: string,
    readonly correlationId: string,
  ) {
    super();
  }
}
