import { Injectable, Logger } from '@nestjs/common';
import type { SetCustomAttributesBody, WidgetInitBody, WidgetSession } from '@threadline/contracts';
import { ContactClient } from '../../infrastructure/upstream/contact.client';
import { IdentityClient, type CallContext } from '../../infrastructure/upstream/identity.client';
import { UpstreamRefusal } from '../../infrastructure/upstream/upstream.errors';
import { contactIdOfAuthentication, widgetSessionOf } from './widget-session.mapper';

/** The contact is created from identity's events, moments after the init: retry until it exists. */
const attributeAttempts = 6;
const attributeRetryMs = 250;

/**
 * Widget init (S1–S7) through identity, then what the widget needs beside the session: whether a
 * visitor still gets the pre-chat form (S4), and a user's `custom_data` saved as attributes (S11).
 */
@Injectable()
export class WidgetInit {
  private readonly logger = new Logger('WidgetInit');

  constructor(
    private readonly identity: IdentityClient,
    private readonly contacts: ContactClient,
  ) {}

  async init(
    body: WidgetInitBody,
    attributes: SetCustomAttributesBody['attributes'] | undefined,
    context: CallContext,
  ): Promise<WidgetSession> {
    const auth = await this.identity.authenticateWidget(body, context);
    const applicationId = body.applicationId;
    const contactId = contactIdOfAuthentication(applicationId, auth);
    // A visitor's contact says whether the pre-chat form was filled in (S4); a user's holds the
    // profile on file, imported from CSV or set by updateUser (S10, S11), beyond identity's.
    const contact = await this.contacts.find(applicationId, contactId).catch((error: unknown) => {
      this.logger.warn({ err: error }, 'contact lookup failed; the init answers without it');
      return null;
    });
    if (auth.mode === 'user' && attributes && Object.keys(attributes).length > 0) {
      await this.saveAttributes(applicationId, contactId, attributes, context.correlationId);
    }
    return widgetSessionOf(applicationId, auth, contact);
  }

  /** The init already succeeded: a failure here is logged, never turned into a failed init. */
  private async saveAttributes(
    applicationId: string,
    contactId: string,
    attributes: SetCustomAttributesBody['attributes'],
    correlationId: string,
  ): Promise<void> {
    for (let attempt = 1; attempt <= attributeAttempts; attempt++) {
      try {
        await this.contacts.setAttributes(applicationId, contactId, { attributes }, correlationId);
        return;
      } catch (error) {
        const notYet = error instanceof UpstreamRefusal && error.status === 404;
        if (!notYet || attempt === attributeAttempts) {
          this.logger.warn({ err: error, applicationId, contactId }, 'custom_data not saved');
          return;
        }
        await new Promise((resolve) => setTimeout(resolve, attributeRetryMs * attempt));
      }
    }
  }
}
