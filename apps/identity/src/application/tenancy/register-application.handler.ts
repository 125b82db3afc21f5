import { Inject } from '@nestjs/common';
import { CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import type { CreatedApplication } from '@threadline/contracts';
import type { Clock } from '@threadline/eventing';
import {
  ApplicationIdTakenError,
  OrganizationNotFoundError,
  type RegisteredApplication,
} from '../../domain/tenancy';
import { commandMetadata } from './command-metadata';
import { IDENTITY_KEY_SECRETS, type IdentityKeySecrets } from './ports/identity-key-secrets.port';
import { SECRET_HASHER, type SecretHasher } from './ports/secret-hasher.port';
import { TENANCY_RANDOMNESS, type TenancyRandomness } from './ports/tenancy-randomness.port';
import {
  APPLICATION_REPOSITORY,
  ORGANIZATION_REPOSITORY,
  TENANCY_CLOCK,
  tenancyStreams,
  type ApplicationRepository,
  type OrganizationRepository,
} from './ports/tenancy-repositories';
import { RegisterApplicationCommand } from './register-application.command';
import { applicationView } from './tenancy-views';

/** Random ids collide rarely; each collision costs one more attempt with a fresh id. */
const ID_ATTEMPTS = 8;

@CommandHandler(RegisterApplicationCommand)
export class RegisterApplicationHandler implements ICommandHandler<RegisterApplicationCommand> {
  constructor(
    @Inject(ORGANIZATION_REPOSITORY) private readonly organizations: OrganizationRepository,
    @Inject(APPLICATION_REPOSITORY) private readonly applications: ApplicationRepository,
    @Inject(SECRET_HASHER) private readonly hasher: SecretHasher,
    @Inject(IDENTITY_KEY_SECRETS) private readonly keySecrets: IdentityKeySecrets,
    @Inject(TENANCY_RANDOMNESS) private readonly random: TenancyRandomness,
    @Inject(TENANCY_CLOCK) private readonly clock: Clock,
  ) {}

  async execute(command: RegisterApplicationCommand): Promise<CreatedApplication> {
    const domain = command.organizationDomain;
    const organization = await this.organizations.load(tenancyStreams.organization(domain));
    // The decider refuses too; failing here first spares a scrypt hash and a stored key secret.
    if (organization.state.status !== 'registered') throw new OrganizationNotFoundError(domain);
    const applicationSecret = this.random.applicationSecret();
    const applicationSecretHash = await this.hasher.hash(applicationSecret);
    const key =
      command.identityVerification === 'required'
        ? {
            keyId: this.random.identityKeyId(),
            secret: this.random.identityKeySecret(),
            activeFrom: this.clock.now().toISOString(),
          }
        : undefined;

    for (let attempt = 1; ; attempt++) {
      const applicationId = this.random.applicationId();
      // The secret is stored before the event that names its key: a crash leaves an unused
      // secret behind, never a key without its secret.
      if (key) await this.keySecrets.store(applicationId, key.keyId, key.secret);
      try {
        await this.applications.execute(
          tenancyStreams.application(applicationId),
          {
            kind: 'register',
            organizationDomain: domain,
            organizationExists: true,
            applicationId,
            name: command.name,
            applicationSecretHash,
            allowedOrigins: command.allowedOrigins,
            identityVerification: command.identityVerification,
            ...(key ? { initialKey: { keyId: key.keyId, activeFrom: key.activeFrom } } : {}),
          },
          commandMetadata(applicationId, command.correlationId),
        );
      } catch (error) {
        if (key) await this.keySecrets.discard(applicationId, key.keyId);
        if (error instanceof ApplicationIdTakenError && attempt < ID_ATTEMPTS) continue;
        throw error;
      }
      const registered: RegisteredApplication = {
        status: 'registered',
        organizationDomain: domain,
        applicationId,
        name: command.name,
        applicationSecretHash,
        allowedOrigins: command.allowedOrigins,
        identityVerification: command.identityVerification,
        identityKeys: key ? [{ keyId: key.keyId, activeFrom: key.activeFrom }] : [],
      };
      return {
        ...applicationView(registered),
        applicationSecret,
        ...(key ? { identityKey: { keyId: key.keyId, secret: key.secret } } : {}),
      };
    }
  }
}
