import { Inject, Injectable } from '@nestjs/common';
import { contactStreamId } from '@threadline/contracts';
import type { AppendResult, EventMetadata } from '@threadline/eventing';
import { ContactMergedError, type ContactCommand } from '../../domain';
import { CONTACT_REPOSITORY, type ContactRepository } from '../ports/contact-repository.port';

/**
 * Runs a command on its contact's stream. A visitor's contact that was merged (S12) refuses with
 * where it went, and the command runs there instead: the device is the user's now.
 */
@Injectable()
export class ContactCommandsExecutor {
  constructor(@Inject(CONTACT_REPOSITORY) private readonly contacts: ContactRepository) {}

  async execute(command: ContactCommand, metadata: EventMetadata): Promise<AppendResult | null> {
    try {
      return await this.contacts.execute(contactStreamId(command.contactId), command, metadata);
    } catch (error) {
      if (!(error instanceof ContactMergedError)) throw error;
      // A user's contact is never merged itself, so one hop ends it.
      return this.contacts.execute(
        contactStreamId(error.intoContactId),
        { ...command, contactId: error.intoContactId },
        metadata,
      );
    }
  }
}
