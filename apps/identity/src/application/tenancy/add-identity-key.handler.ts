import { Inject } from '@nestjs/common';
import { CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import type { CreatedIdentityKey } from '@threadline/contracts';
import type { Clock } from '@threadline/eventing';
import { AddIdentityKeyCommand } from './add-identity-key.command';
import { commandMetadata } from './command-metadata';
import { IDENTITY_KEY_SECRETS, type IdentityKeySecrets } from './ports/identity-key-secrets.port';
import { TENANCY_RANDOMNESS, type TenancyRandomness } from './ports/tenancy-randomness.port';
import {
  APPLICATION_REPOSITORY,
  TENANCY_CLOCK,
  tenancyStreams,
  type ApplicationRepository,
} from './ports/tenancy-repositories';

/** Starts a rotation (S7): the new key verifies from `activeFrom`, beside the old ones. */
@CommandHandler(AddIdentityKeyCommand)
export class AddIdentityKeyHandler implements ICommandHandler<AddIdentityKeyCommand> {
  constructor(
    @Inject(APPLICATION_REPOSITORY) private readonly applications: ApplicationRepository,
    @Inject(IDENTITY_KEY_SECRETS) private readonly keySecrets: IdentityKeySecrets,
    @Inject(TENANCY_RANDOMNESS) private readonly random: TenancyRandomness,
    @Inject(TENANCY_CLOCK) private readonly clock: Clock,
  ) {}

  async execute(
    command: AddIdentityKeyCommand,
  ): Promise<CreatedIdentityKey & { activeFrom: string }> {
    const keyId = this.random.identityKeyId();
    const secret = this.random.identityKeySecret();
    const activeFrom = new Date(command.activeFrom ?? this.clock.now()).toISOString();
    await this.keySecrets.store(command.applicationId, keyId, secret);
    try {
      await this.applications.execute(
        tenancyStreams.application(command.applicationId),
        { kind: 'add-key', applicationId: command.applicationId, keyId, activeFrom },
        commandMetadata(command.applicationId, command.correlationId),
      );
    } catch (error) {
      await this.keySecrets.discard(command.applicationId, keyId);
      throw error;
    }
    return { keyId, secret, activeFrom };
  }
}
