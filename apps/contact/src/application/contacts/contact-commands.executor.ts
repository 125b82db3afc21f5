import { Inject, Injectable } from '@nestjs/common';
import { contactStreamId } from '@threadline/contracts';
import type { AppendResult, EventMetadata, UpdateOptions } from '@threadline/eventing';
import { ContactMergedError, type ContactCommand } from '../../domain';
import { REMEMBERED_CONTACTS, type RememberedContacts } from '../ports/contact-repository.port';

/**
 * Runs a command on its contact's stream, decided on the state this process remembers. A
 * visitor's contact that was merged (S12) refuses with where it went, and the command runs there
 * instead: the device is the user's now.
 */
@Injectable()
export class ContactCommandsExecutor {
  constructor(@Inject(REMEMBERED_CONTACTS) private readonly contacts: RememberedContacts) {}

  async execute(
    command: ContactCommand,
    metadata: EventMetadata,
    options: Pick<UpdateOptions, 'noOpIsFinal'> = {},
  ): Promise<AppendResult | null> {
    try {
      return await this.contacts.execute(
        contactStreamId(command.contactId),
        command,
        metadata,
        options,
      );
    } catch (error) {
      if (!(error instanceof ContactMergedError)) throw error;
      // A user's contact is never merged itself, so one hop ends it.
      return this.contacts.execute(
        contactStreamId(error.intoContactId),
        { ...command, contactId: error.intoContactId },
        metadata,
        options,
      );
    }
  }
}
