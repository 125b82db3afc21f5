import type { WidgetInitUser } from '@threadline/contracts';

/** A widget init (S1–S7) as the gateway forwards it, after the body passed `WidgetInitBody`. */
export class AuthenticateWidgetCommand {
  constructor(
    readonly organizationDomain: string,
    readonly applicationId: string,
    readonly applicationSecret: string,
    readonly user: WidgetInitUser | undefined,
    readonly deviceToken: string | undefined,
    /** The browser's address: rejections record it and the per-address limit counts by it. */
    readonly clientAddress: string | undefined,
    readonly correlationId: string,
  ) {}
}
