import { Inject } from '@nestjs/common';
import { CommandBus, CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import { contactIdOf, contactStreamId, MAX_CUSTOM_ATTRIBUTES } from '@threadline/contracts';
import { CONTACT_REPOSITORY, type ContactRepository } from '../ports/contact-repository.port';
import { CONTACTS_READ_MODEL, type ContactsReadModel } from '../ports/contacts-read-model.port';
import { SetCustomAttributesCommand } from './api.commands';
import { commandMetadata } from './command-metadata';
import { ContactCommandsExecutor } from './contact-commands.executor';
import {
  RecordAuthenticationCommand,
  RecordMessageCommand,
  StartVisitorCommand,
  type Causation,
} from './reactor.commands';

const metadataOf = (applicationId: string, causation: Causation) =>
  commandMetadata(applicationId, causation.correlationId, causation.causationId);

@CommandHandler(RecordAuthenticationCommand)
export class RecordAuthenticationHandler implements ICommandHandler<RecordAuthenticationCommand> {
  constructor(
    private readonly executor: ContactCommandsExecutor,
    @Inject(CONTACT_REPOSITORY) private readonly contacts: ContactRepository,
    @Inject(CONTACTS_READ_MODEL) private readonly readModel: ContactsReadModel,
    private readonly commands: CommandBus,
  ) {}

  async execute(command: RecordAuthenticationCommand): Promise<void> {
    const { applicationId } = command;
    const metadata = metadataOf(applicationId, command.causation);
    const contactId = contactIdOf(applicationId, { kind: 'user', userId: command.userId });
    await this.executor.execute(
      {
        kind: 'record-authentication',
        contactId,
        applicationId,
        userId: command.userId,
        profile: command.profile,
        ...(command.generatedName !== undefined && { generatedName: command.generatedName }),
        at: command.at,
      },
      metadata,
    );
    if (command.previousVisitorId !== undefined) {
      await this.mergeVisitor(command, contactId, command.previousVisitorId);
    }
    // Last, so the init's explicit values win over what a merged visitor brought. A redelivery
    // sets nothing: the values are already on file.
    if (command.customData !== undefined && Object.keys(command.customData).length > 0) {
      await this.commands.execute(
        new SetCustomAttributesCommand(
          applicationId,
          contactId,
          command.customData,
          command.causation.correlationId,
          command.at,
          command.causation.causationId,
        ),
      );
    }
  }

  /**
   * S12: first the visitor's contact closes (from then on its activity goes to the user's), then
   * the user's takes what the visitor had. A redelivery repeats neither: both steps are no-ops the
   * second time, and a crash between them is finished by the redelivery.
   */
  private async mergeVisitor(
    command: RecordAuthenticationCommand,
    userContactId: string,
    visitorId: string,
  ): Promise<void> {
    const { applicationId } = command;
    const metadata = metadataOf(applicationId, command.causation);
    const visitorContactId = contactIdOf(applicationId, { kind: 'visitor', visitorId });
    // Both steps through the executor, so the state this process remembers knows them.
    await this.executor.execute(
      {
        kind: 'merge-into',
        contactId: visitorContactId,
        applicationId,
        intoContactId: userContactId,
        userId: command.userId,
      },
      metadata,
    );
    const visitor = (await this.contacts.load(contactStreamId(visitorContactId))).state;
    const imported = await this.readModel.imported(applicationId, userContactId);
    await this.executor.execute(
      {
        kind: 'absorb-visitor',
        contactId: userContactId,
        applicationId,
        visitorContactId,
        visitorId,
        visitor: { profile: visitor.profile, attributes: visitor.attributes },
        importedProfileFields: imported?.profileFields ?? [],
        importedAttributeKeys: imported?.attributeKeys ?? [],
        limit: MAX_CUSTOM_ATTRIBUTES,
      },
      metadata,
    );
  }
}

@CommandHandler(StartVisitorCommand)
export class StartVisitorHandler implements ICommandHandler<StartVisitorCommand> {
  constructor(private readonly executor: ContactCommandsExecutor) {}

  async execute(command: StartVisitorCommand): Promise<void> {
    const { applicationId } = command;
    await this.executor.execute(
      {
        kind: 'start-visitor',
        contactId: contactIdOf(applicationId, { kind: 'visitor', visitorId: command.visitorId }),
        applicationId,
        generatedName: command.generatedName,
        at: command.at,
      },
      metadataOf(applicationId, command.causation),
    );
  }
}

@CommandHandler(RecordMessageCommand)
export class RecordMessageHandler implements ICommandHandler<RecordMessageCommand> {
  constructor(private readonly executor: ContactCommandsExecutor) {}

  /**
   * Most messages change nothing (seen moves once a minute), and such a no-op on remembered state
   * stands: what this process has not seen can only have moved "seen" and "has written" further.
   * So a chat's messages cost no stream read each.
   */
  async execute(command: RecordMessageCommand): Promise<void> {
    await this.executor.execute(
      {
        kind: 'record-message',
        contactId: command.contactId,
        applicationId: command.applicationId,
        at: command.at,
      },
      metadataOf(command.applicationId, command.causation),
      { noOpIsFinal: true },
    );
  }
}
