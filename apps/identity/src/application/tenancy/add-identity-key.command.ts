import { Command } from '@nestjs/cqrs';
import type { CreatedIdentityKey } from '@threadline/contracts';

export class AddIdentityKeyCommand extends Command<CreatedIdentityKey & { activeFrom: string }> {
  constructor(
    readonly applicationId: string,
    /** ISO 8601; undefined: now. */
    readonly activeFrom: string | undefined,
    readonly correlationId: string,
  ) {
    super();
  }
}
