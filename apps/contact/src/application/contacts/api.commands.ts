import type { CustomAttributeValue, UserProfile } from '@threadline/contracts';

/** S4/S9b: `POST /internal/contacts/pre-chat`. */
export class SubmitPreChatFormCommand {
  constructor(
    readonly applicationId: string,
    readonly contactId: string,
    readonly name: string,
    readonly email: string,
    readonly correlationId: string,
  ) {}
}

/** S11 `updateUser`. */
export class UpdateProfileCommand {
  constructor(
    readonly applicationId: string,
    readonly contactId: string,
    readonly profile: UserProfile,
    readonly correlationId: string,
  ) {}
}

/** S11 `updateUserData` and the agent API; null removes a key. */
export class SetCustomAttributesCommand {
  constructor(
    readonly applicationId: string,
    readonly contactId: string,
    readonly attributes: Record<string, CustomAttributeValue | null>,
    readonly correlationId: string,
    /** When it was asked for (ISO); default: when it is handled. */
    readonly requestedAt?: string,
    /** The event that asked for it, when a reactor did (an init's `custom_data`). */
    readonly causationId?: string,
  ) {}
}
