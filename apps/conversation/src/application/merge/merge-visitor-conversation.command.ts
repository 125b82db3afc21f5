import { Command } from '@nestjs/cqrs';

export interface MergeOutcome {
  merged: boolean;
  /** Messages that joined the user's thread by this command (0 on a redelivery). */
  messages: number;
}

/** S12: `UserAuthenticated` named the anonymous visitor this device was before the login. */
export class MergeVisitorConversationCommand extends Command<MergeOutcome> {
  constructor(
    readonly applicationId: string,
    readonly userId: string,
    readonly visitorId: string,
    /** The identity event's correlation id and event id, so the merge traces back to the login. */
    readonly correlationId: string,
    readonly causationId: string,
  ) {
    super();
  }
}
