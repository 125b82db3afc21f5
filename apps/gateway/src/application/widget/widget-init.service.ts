import { Injectable, Logger } from '@nestjs/common';
import type { WidgetInitBody, WidgetSession } from '@threadline/contracts';
import { ContactClient } from '../../infrastructure/upstream/contact.client';
import { IdentityClient, type CallContext } from '../../infrastructure/upstream/identity.client';
import { contactIdOfAuthentication, widgetSessionOf } from './widget-session.mapper';

/**
 * Widget init (S1–S7) through identity, then what the widget needs beside the session: whether a
 * visitor still gets the pre-chat form (S4). A user's `custom_data` (S11) travels in identity's
 * `UserAuthenticated` to the contact service, so it is saved with the login whatever the lag.
 */
@Injectable()
export class WidgetInit {
  private readonly logger = new Logger('WidgetInit');

  constructor(
    private readonly identity: IdentityClient,
    private readonly contacts: ContactClient,
  ) {}

  async init(body: WidgetInitBody, context: CallContext): Promise<WidgetSession> {
    const auth = await this.identity.authenticateWidget(body, context);
    const applicationId = body.applicationId;
    const contactId = contactIdOfAuthentication(applicationId, auth);
    // A visitor's contact says whether the pre-chat form was filled in (S4); a user's holds the
    // profile on file, imported from CSV or set by updateUser (S10, S11), beyond identity's.
    const contact = await this.contacts.find(applicationId, contactId).catch((error: unknown) => {
      this.logger.warn({ err: error }, 'contact lookup failed; the init answers without it');
      return null;
    });
    return widgetSessionOf(applicationId, auth, contact);
  }
}
