import { Command } from '@nestjs/cqrs';
import type { IdentityKeyView } from '@threadline/contracts';

export class RetireIdentityKeyCommand extends Command<IdentityKeyView> {
  constructor(
    readonly applicationId: string,
    readonly keyId: string,
    /** ISO 8601; undefined: {@link DEFAULT_KEY_OVERLAP_MS} from now. */
    readonly retiresAt: string | undefined,
    readonly correlationId: string,
  ) {
    super();
  }
}

/** How long a retired key keeps verifying by default, so customers' backends can switch over. */
export const DEFAULT_KEY_OVERLAP_MS = 24 * 60 * 60 * 1000;
