import { Inject } from '@nestjs/common';
import { CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import { MAX_CUSTOM_ATTRIBUTES } from '@threadline/contracts';
import { NotAVisitorError } from '../../domain';
import { CONTACT_CLOCK, type Clock } from '../ports/clock.port';
import { CONTACTS_READ_MODEL, type ContactsReadModel } from '../ports/contacts-read-model.port';
import {
  SetCustomAttributesCommand,
  SubmitPreChatFormCommand,
  UpdateProfileCommand,
} from './api.commands';
import { commandMetadata } from './command-metadata';
import { ContactCommandsExecutor } from './contact-commands.executor';

@CommandHandler(SubmitPreChatFormCommand)
export class SubmitPreChatFormHandler implements ICommandHandler<SubmitPreChatFormCommand> {
  constructor(private readonly executor: ContactCommandsExecutor) {}

  async execute(command: SubmitPreChatFormCommand): Promise<void> {
    if (!command.contactId.startsWith('vis_')) throw new NotAVisitorError(command.contactId);
    await this.executor.execute(
      {
        kind: 'submit-pre-chat',
        contactId: command.contactId,
        applicationId: command.applicationId,
        name: command.name,
        email: command.email,
      },
      commandMetadata(command.applicationId, command.correlationId),
    );
  }
}

@CommandHandler(UpdateProfileCommand)
export class UpdateProfileHandler implements ICommandHandler<UpdateProfileCommand> {
  constructor(
    private readonly executor: ContactCommandsExecutor,
    @Inject(CONTACTS_READ_MODEL) private readonly readModel: ContactsReadModel,
  ) {}

  async execute(command: UpdateProfileCommand): Promise<void> {
    const imported = await this.readModel.imported(command.applicationId, command.contactId);
    await this.executor.execute(
      {
        kind: 'update-profile',
        contactId: command.contactId,
        applicationId: command.applicationId,
        profile: command.profile,
        ...(imported && { imported }),
      },
      commandMetadata(command.applicationId, command.correlationId),
    );
  }
}

@CommandHandler(SetCustomAttributesCommand)
export class SetCustomAttributesHandler implements ICommandHandler<SetCustomAttributesCommand> {
  constructor(
    private readonly executor: ContactCommandsExecutor,
    @Inject(CONTACTS_READ_MODEL) private readonly readModel: ContactsReadModel,
    @Inject(CONTACT_CLOCK) private readonly clock: Clock,
  ) {}

  async execute(command: SetCustomAttributesCommand): Promise<void> {
    const imported = await this.readModel.imported(command.applicationId, command.contactId);
    await this.executor.execute(
      {
        kind: 'set-attributes',
        contactId: command.contactId,
        applicationId: command.applicationId,
        attributes: command.attributes,
        requestedAt: command.requestedAt ?? this.clock.now().toISOString(),
        importedKeys: imported?.attributeKeys ?? [],
        limit: MAX_CUSTOM_ATTRIBUTES,
        ...(imported && { imported }),
      },
      commandMetadata(command.applicationId, command.correlationId, command.causationId),
    );
  }
}
