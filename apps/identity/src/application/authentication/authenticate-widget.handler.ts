import { Inject } from '@nestjs/common';
import { CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import type { WidgetInitUser } from '@threadline/contracts';
import { retryOnConcurrency, type Clock, type EventMetadata } from '@threadline/eventing';
import { randomUUID } from 'node:crypto';
import {
  AuthenticationRejectedError,
  DEFAULT_BRUTE_FORCE_POLICY,
  decideAuthentication,
  decideVisitor,
  evaluateThrottle,
  isFailedGuess,
  keyedHash,
  userIdentityStreamId,
  verifySignedIdentity,
  visitorStreamId,
  WidgetCredentialsRejectedError,
  type AuthenticateUser,
  type AuthenticationDecision,
  type IdentityKey,
  type SignedIdentityVerification,
  type StartVisitor,
  type ThrottleVerdict,
  type VisitorOutcome,
} from '../../domain';
import { keysValidAt } from '../../domain/tenancy/identity-key-window';
import { SESSION_ISSUER, type SessionIssuer } from '../sessions/session-issuer.port';
import {
  APPLICATIONS_READ_MODEL,
  type ApplicationRecord,
  type ApplicationsReadModel,
} from '../tenancy/ports/applications.read-model.port';
import {
  IDENTITY_KEY_SECRETS,
  type IdentityKeySecrets,
} from '../tenancy/ports/identity-key-secrets.port';
import { SECRET_HASHER, type SecretHasher } from '../tenancy/ports/secret-hasher.port';
import { AuthenticateWidgetCommand } from './authenticate-widget.command';
import { deviceIdOf } from './device-id';
import { RememberedApplications, type FoundApplication } from './remembered-applications';
import {
  AUTHENTICATION_CLOCK,
  AUTHENTICATION_RANDOMNESS,
  SECURITY_HASH_PEPPER,
  USER_IDENTITY_REPOSITORY,
  VISITOR_REPOSITORY,
  type AuthenticationRandomness,
  type SecurityHashPepper,
  type UserIdentityRepository,
  type VisitorRepository,
} from './ports/authentication.ports';
import { FAILED_GUESSES, type FailedGuesses } from './ports/failed-guesses.port';
import type {
  UserWidgetAuthentication,
  VisitorWidgetAuthentication,
  WidgetAuthentication,
} from './widget-authentication';

/**
 * Concurrent inits of one stream append one at a time, so each lost race costs a reload. Generous,
 * because a burst of first inits for one user (S6) makes the losers queue behind each other.
 */
export const AUTHENTICATION_ATTEMPTS = 40;

/**
 * A widget init (S1–S8): checks the application, then starts an anonymous visitor or decides the
 * user's authentication on its stream, and issues a device session for whoever got in.
 */
@CommandHandler(AuthenticateWidgetCommand)
export class AuthenticateWidgetHandler implements ICommandHandler<AuthenticateWidgetCommand> {
  private decoyHash?: Promise<string>;
  private readonly applications: RememberedApplications;

  constructor(
    @Inject(APPLICATIONS_READ_MODEL) applications: ApplicationsReadModel,
    @Inject(SECRET_HASHER) private readonly hasher: SecretHasher,
    @Inject(IDENTITY_KEY_SECRETS) private readonly keySecrets: IdentityKeySecrets,
    @Inject(USER_IDENTITY_REPOSITORY) private readonly users: UserIdentityRepository,
    @Inject(VISITOR_REPOSITORY) private readonly visitors: VisitorRepository,
    @Inject(FAILED_GUESSES) private readonly failedGuesses: FailedGuesses,
    @Inject(SESSION_ISSUER) private readonly sessions: SessionIssuer,
    @Inject(AUTHENTICATION_RANDOMNESS) private readonly random: AuthenticationRandomness,
    @Inject(AUTHENTICATION_CLOCK) private readonly clock: Clock,
    @Inject(SECURITY_HASH_PEPPER) private readonly pepper: SecurityHashPepper,
  ) {
    this.applications = new RememberedApplications(applications);
  }

  async execute(command: AuthenticateWidgetCommand): Promise<WidgetAuthentication> {
    const found = await this.checkedApplication(command);
    const application = found.record;
    const deviceToken = command.deviceToken ?? this.random.deviceToken();
    const metadata: EventMetadata = {
      tenantId: application.applicationId,
      correlationId: command.correlationId,
      causationId: randomUUID(),
    };
    const userId = command.user?.user_id;
    return userId === undefined
      ? this.startVisitor(command, application, deviceToken, metadata)
      : this.authenticateUser(command, found, userId, deviceToken, metadata);
  }

  /** S1: one answer for an unknown organization, an unknown application and a wrong secret. */
  private async checkedApplication(command: AuthenticateWidgetCommand): Promise<FoundApplication> {
    const { organizationDomain, applicationId, applicationSecret } = command;
    const found = await this.applications.find(organizationDomain, applicationId);
    if (!found?.remembered) return this.verifiedApplication(applicationSecret, found?.record);
    const { applicationSecretHash } = found.record;
    if (await this.hasher.verify(applicationSecret, applicationSecretHash)) return found;
    // A refusal on a remembered record is checked against the read model before it is believed;
    // an unchanged hash needs no second scrypt, so a wrong secret costs one, as an unknown app does.
    const fresh = await this.applications.fresh(organizationDomain, applicationId);
    if (!fresh || fresh.applicationSecretHash === applicationSecretHash) {
      throw new WidgetCredentialsRejectedError();
    }
    return this.verifiedApplication(applicationSecret, fresh);
  }

  private async verifiedApplication(
    secret: string,
    record: ApplicationRecord | undefined | null,
  ): Promise<FoundApplication> {
    // Without an application, a decoy scrypt keeps the timing from telling which part was wrong.
    const matches = await this.hasher.verify(
      secret,
      record?.applicationSecretHash ?? (await this.decoy()),
    );
    if (!record || !matches) throw new WidgetCredentialsRejectedError();
    return { record, remembered: false };
  }

  /** S12: the anonymous visitor this device was, whose conversation and contact join the user's. */
  private async visitorOfDevice(applicationId: string, deviceId: string) {
    const visitor = await this.visitors.load(visitorStreamId(applicationId, deviceId));
    return visitor.state.status === 'started' ? visitor.state.visitorId : undefined;
  }

  private decoy(): Promise<string> {
    this.decoyHash ??= this.hasher.hash(randomUUID());
    return this.decoyHash;
  }

  private async startVisitor(
    command: AuthenticateWidgetCommand,
    application: ApplicationRecord,
    deviceToken: string,
    metadata: EventMetadata,
  ): Promise<VisitorWidgetAuthentication> {
    const deviceId = deviceIdOf(deviceToken);
    const start: StartVisitor = {
      applicationId: application.applicationId,
      visitorId: this.random.visitorId(),
      deviceId,
      prefill: { name: command.user?.name, email: command.user?.email },
    };
    const streamId = visitorStreamId(application.applicationId, deviceId);
    const outcome = await retryOnConcurrency<VisitorOutcome>(
      async () => {
        const aggregate = await this.visitors.load(streamId);
        const { outcome } = decideVisitor(start, aggregate.state);
        aggregate.execute(start);
        await this.visitors.save(aggregate, metadata);
        return outcome;
      },
      { attempts: AUTHENTICATION_ATTEMPTS },
    );
    const sessionId = this.random.sessionId();
    const session = await this.sessions.issue({
      applicationId: application.applicationId,
      subject: { kind: 'visitor', id: outcome.visitorId },
      sessionId,
      deviceId,
    });
    return {
      mode: 'visitor',
      visitorId: outcome.visitorId,
      generatedName: outcome.displayName,
      preChatForm: outcome.preChatForm.prefill,
      sessionId,
      sessionToken: session.token,
      expiresAt: session.expiresAt.toISOString(),
      deviceToken,
    };
  }

  private async authenticateUser(
    command: AuthenticateWidgetCommand,
    found: FoundApplication,
    userId: string,
    deviceToken: string,
    metadata: EventMetadata,
  ): Promise<UserWidgetAuthentication> {
    const user = command.user ?? {};
    const now = this.clock.now();
    const { applicationId, identityVerification } = found.record;
    const clientAddress = command.clientAddress;
    const deviceId = deviceIdOf(deviceToken);
    // Independent reads, side by side: they are most of an init's wait.
    const [previousVisitorId, signedIdentity, addressThrottle] = await Promise.all([
      this.visitorOfDevice(applicationId, deviceId),
      identityVerification === 'required'
        ? this.signedIdentityOf(found, userId, user, now)
        : undefined,
      clientAddress === undefined
        ? undefined
        : this.addressThrottle(applicationId, clientAddress, now),
    ]);
    const authenticate: AuthenticateUser = {
      applicationId,
      userId,
      deviceId,
      sessionId: this.random.sessionId(),
      profile: { email: user.email, name: user.name, phone: user.phone, company: user.company },
      ...(user.custom_data !== undefined && { customData: user.custom_data }),
      ...(user.security_hash !== undefined && {
        presentedSecurityHash: keyedHash(this.pepper, user.security_hash),
      }),
      identityVerification,
      ...(signedIdentity !== undefined && { signedIdentity }),
      ...(clientAddress !== undefined && { clientAddress, addressThrottle }),
      ...(previousVisitorId !== undefined && { previousVisitorId }),
      now,
    };

    const streamId = userIdentityStreamId(applicationId, userId);
    const {
      value: { outcome },
    } = await this.users.update(streamId, metadata, (aggregate): AuthenticationDecision => {
      const decision = decideAuthentication(authenticate, aggregate.state);
      aggregate.execute(authenticate);
      return decision;
    });

    if (outcome.kind === 'rejected') {
      if (clientAddress !== undefined && isFailedGuess(outcome.reason)) {
        const policy = DEFAULT_BRUTE_FORCE_POLICY;
        await this.failedGuesses.record(
          applicationId,
          clientAddress,
          now,
          new Date(now.getTime() - policy.windowMs),
        );
      }
      throw new AuthenticationRejectedError(outcome.reason, outcome.retryAfterSeconds);
    }

    const session = await this.sessions.issue({
      applicationId,
      subject: { kind: 'user', id: outcome.userId },
      sessionId: outcome.sessionId,
      deviceId: outcome.deviceId,
      ...(outcome.verifiedBy !== undefined && { verifiedBy: outcome.verifiedBy }),
    });
    return {
      mode: 'user',
      userId: outcome.userId,
      displayName: outcome.displayName,
      profile: outcome.profile,
      sessionId: outcome.sessionId,
      ...(outcome.verifiedBy !== undefined && { verifiedBy: outcome.verifiedBy }),
      sessionToken: session.token,
      expiresAt: session.expiresAt.toISOString(),
      deviceToken,
    };
  }

  /** S7 under the keys of the record found; a refusal under a remembered record is checked again. */
  private async signedIdentityOf(
    found: FoundApplication,
    userId: string,
    user: Pick<WidgetInitUser, 'user_hash' | 'user_jwt'>,
    now: Date,
  ): Promise<SignedIdentityVerification> {
    const proof = await this.verifySignedIdentity(found.record, userId, user, now);
    if (proof.ok || !found.remembered) return proof;
    const { organizationDomain, applicationId } = found.record;
    const fresh = await this.applications.fresh(organizationDomain, applicationId);
    return fresh ? this.verifySignedIdentity(fresh, userId, user, now) : proof;
  }

  /** S7: the key ring is the application's keys valid now, with their secrets revealed. */
  private async verifySignedIdentity(
    application: ApplicationRecord,
    userId: string,
    user: Pick<WidgetInitUser, 'user_hash' | 'user_jwt'>,
    now: Date,
  ): Promise<SignedIdentityVerification> {
    const windows = keysValidAt(application.identityKeys, now);
    const ring: IdentityKey[] = [];
    for (const window of windows) {
      const secret = await this.keySecrets.reveal(application.applicationId, window.keyId);
      if (secret !== null) ring.push({ ...window, secret });
    }
    return verifySignedIdentity({
      userId,
      userHash: user.user_hash,
      userJwt: user.user_jwt,
      ring,
      now,
    });
  }

  private async addressThrottle(
    applicationId: string,
    clientAddress: string,
    now: Date,
  ): Promise<ThrottleVerdict> {
    const policy = DEFAULT_BRUTE_FORCE_POLICY;
    const failures = await this.failedGuesses.recent(
      applicationId,
      clientAddress,
      new Date(now.getTime() - policy.windowMs),
      policy.trackedFailures,
    );
    return evaluateThrottle(failures, now, policy);
  }
}
