import { Inject } from '@nestjs/common';
import { CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import type { IdentityKeyView } from '@threadline/contracts';
import type { Clock } from '@threadline/eventing';
import { ApplicationNotFoundError } from '../../domain/tenancy';
import { commandMetadata } from './command-metadata';
import {
  APPLICATION_REPOSITORY,
  TENANCY_CLOCK,
  tenancyStreams,
  type ApplicationRepository,
} from './ports/tenancy-repositories';
import { DEFAULT_KEY_OVERLAP_MS, RetireIdentityKeyCommand } from './retire-identity-key.command';

/** Ends a rotation (S7): the old key keeps verifying until `retiresAt`, then never again. */
@CommandHandler(RetireIdentityKeyCommand)
export class RetireIdentityKeyHandler implements ICommandHandler<RetireIdentityKeyCommand> {
  constructor(
    @Inject(APPLICATION_REPOSITORY) private readonly applications: ApplicationRepository,
    @Inject(TENANCY_CLOCK) private readonly clock: Clock,
  ) {}

  async execute(command: RetireIdentityKeyCommand): Promise<IdentityKeyView> {
    const now = this.clock.now();
    const retiresAt = new Date(
      command.retiresAt ?? now.getTime() + DEFAULT_KEY_OVERLAP_MS,
    ).toISOString();
    await this.applications.execute(
      tenancyStreams.application(command.applicationId),
      {
        kind: 'retire-key',
        applicationId: command.applicationId,
        keyId: command.keyId,
        retiresAt,
        now: now.toISOString(),
      },
      commandMetadata(command.applicationId, command.correlationId),
    );
    const app = (await this.applications.load(tenancyStreams.application(command.applicationId)))
      .state;
    if (app.status !== 'registered') throw new ApplicationNotFoundError(command.applicationId);
    const key = app.identityKeys.find((k) => k.keyId === command.keyId);
    return { keyId: command.keyId, activeFrom: key?.activeFrom ?? retiresAt, retiresAt };
  }
}
