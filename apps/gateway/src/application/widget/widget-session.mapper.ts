import { contactIdOf, type ContactView, type WidgetSession } from '@threadline/contracts';
import type { IdentityWidgetAuth } from '../../infrastructure/upstream/identity.client';

/** The contact an init authenticated: the user's (S2, S3) or this device's visitor's (S4). */
export function contactIdOfAuthentication(applicationId: string, auth: IdentityWidgetAuth): string {
  return auth.mode === 'user'
    ? contactIdOf(applicationId, { kind: 'user', userId: auth.userId })
    : contactIdOf(applicationId, { kind: 'visitor', visitorId: auth.visitorId });
}

/**
 * A visitor who has filled in the pre-chat form is no longer asked for it (S4, S9b). `ContactView`
 * does not say so directly: the form requires an email and a visitor has none otherwise, so a
 * visitor contact with an email (or one the form created) has filled it in. Unknown: not yet.
 */
export function preChatSubmitted(contact: ContactView | null): boolean {
  return contact !== null && (contact.source === 'pre-chat' || contact.email !== '');
}

/** The contact's non-empty profile fields; its name only when it is not a generated one (S5). */
function profileOnFile(contact: ContactView | null): WidgetSession['profile'] {
  if (!contact) return {};
  const fields = {
    name: contact.name.endsWith('(anonym)') ? '' : contact.name,
    email: contact.email,
    phone: contact.phone,
    company: contact.company,
  };
  return Object.fromEntries(Object.entries(fields).filter(([, value]) => value !== ''));
}

/** Identity's answer to a widget init, as the widget gets it. */
export function widgetSessionOf(
  applicationId: string,
  auth: IdentityWidgetAuth,
  contact: ContactView | null,
): WidgetSession {
  const common = {
    sessionToken: auth.sessionToken,
    expiresAt: auth.expiresAt,
    deviceToken: auth.deviceToken,
    applicationId,
    contactId: contactIdOfAuthentication(applicationId, auth),
  };
  if (auth.mode === 'user') {
    // What this and earlier inits sent wins; the contact fills in what they never did (S10).
    const profile = { ...profileOnFile(contact), ...auth.profile };
    return {
      mode: 'user',
      ...common,
      displayName: profile.name ?? auth.displayName,
      profile,
    };
  }
  const submitted = preChatSubmitted(contact);
  const profile = submitted
    ? {
        ...(contact?.name ? { name: contact.name } : {}),
        ...(contact?.email ? { email: contact.email } : {}),
      }
    : {};
  return {
    mode: 'visitor',
    ...common,
    displayName: submitted && contact ? contact.name : auth.generatedName,
    profile,
    preChatForm: {
      required: !submitted,
      ...(auth.preChatForm.name !== undefined && { name: auth.preChatForm.name }),
      ...(auth.preChatForm.email !== undefined && { email: auth.preChatForm.email }),
    },
  };
}
