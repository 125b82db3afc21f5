import type { CustomAttributeChanges, UserProfile } from '@threadline/contracts';

/** Where a command that reacts to another service's event came from: its ids become ours. */
export interface Causation {
  correlationId: string;
  /** The event id of the cause. */
  causationId: string;
}

/** S2/S9a (and S12 when `previousVisitorId` is set): from `identity.user-authenticated`. */
export class RecordAuthenticationCommand {
  constructor(
    readonly applicationId: string,
    readonly userId: string,
    readonly profile: UserProfile,
    readonly generatedName: string | undefined,
    readonly previousVisitorId: string | undefined,
    readonly at: string,
    readonly causation: Causation,
    /** S11: the init's `custom_data`. */
    readonly customData?: CustomAttributeChanges,
  ) {}
}

/** S4/S5: from `identity.visitor-started`. */
export class StartVisitorCommand {
  constructor(
    readonly applicationId: string,
    readonly visitorId: string,
    readonly generatedName: string,
    readonly at: string,
    readonly causation: Causation,
  ) {}
}

/** S9b and last-seen: a message a contact wrote itself, from `conversation.message-sent`. */
export class RecordMessageCommand {
  constructor(
    readonly applicationId: string,
    readonly contactId: string,
    readonly at: string,
    readonly causation: Causation,
  ) {}
}
