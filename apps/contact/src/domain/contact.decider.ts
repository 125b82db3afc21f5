import type { Decider } from '@threadline/eventing';
import type {
  AbsorbVisitor,
  ContactCommand,
  RecordAuthentication,
  RecordMessage,
  SetCustomAttributes,
  SubmitPreChatForm,
  UpdateProfile,
} from './contact.commands';
import { ContactMergedError, ContactNotFoundError, NotAVisitorError } from './contact.errors';
import type { ContactChange, ContactEvent } from './contact.events';
import {
  initialContactState,
  type AttributeValue,
  type ContactState,
  type ImportedContact,
} from './contact.model';
import { attributeChanges } from './custom-attributes';
import { mergeTaken } from './merge.rule';
import { compactProfile, isEmptyProfile, profileChanges } from './profile';

/** lastSeenAt is kept to the minute: activity within a minute of the last record adds nothing. */
export const SEEN_RESOLUTION_MS = 60_000;

function seenDue(state: ContactState, at: string): boolean {
  if (state.lastSeenAt === undefined) return true;
  return Date.parse(at) - Date.parse(state.lastSeenAt) >= SEEN_RESOLUTION_MS;
}

function seen(at: string, via: 'authentication' | 'message'): ContactChange {
  return { type: 'ContactSeen', at, via };
}

/** Opens the stream of a contact the read model knows only from a CSV import (S10). */
function openImported(contactId: string, imported: ImportedContact | undefined): ContactChange {
  if (!imported) throw new ContactNotFoundError(contactId);
  return {
    type: 'ContactCreated',
    kind: imported.kind,
    ...(imported.userId !== undefined && { userId: imported.userId }),
    profile: {},
    source: 'import',
    authenticated: true,
  };
}

function recordAuthentication(command: RecordAuthentication, state: ContactState): ContactChange[] {
  if (!state.created) {
    return [
      {
        type: 'ContactCreated',
        kind: 'user',
        userId: command.userId,
        ...(command.generatedName !== undefined && { generatedName: command.generatedName }),
        profile: compactProfile(command.profile),
        source: 'widget',
        authenticated: true,
      },
      seen(command.at, 'authentication'),
    ];
  }
  const events: ContactChange[] = [];
  const changes = profileChanges(state.profile, command.profile);
  const generatedName = state.generatedName === undefined ? command.generatedName : undefined;
  if (!isEmptyProfile(changes) || generatedName !== undefined) {
    events.push({
      type: 'ContactUpdated',
      profile: changes,
      ...(generatedName !== undefined && { generatedName }),
      via: 'authentication',
    });
  }
  if (seenDue(state, command.at)) events.push(seen(command.at, 'authentication'));
  return events;
}

/** S9b: a visitor joins Contacts once it has both filled in the pre-chat form and written. */
function recordMessage(command: RecordMessage, state: ContactState): ContactChange[] {
  const first = !state.hasWritten;
  const events: ContactChange[] = [];
  if (first || seenDue(state, command.at)) events.push(seen(command.at, 'message'));
  if (first && state.preChatSubmitted && !state.authenticated) {
    events.push({ type: 'ContactAuthenticated', via: 'pre-chat-and-message' });
  }
  return events;
}

function submitPreChat(command: SubmitPreChatForm, state: ContactState): ContactChange[] {
  if (state.created && state.userId !== undefined) throw new NotAVisitorError(command.contactId);
  const events: ContactChange[] = [];
  if (!state.created) {
    events.push({
      type: 'ContactCreated',
      kind: 'visitor',
      profile: {},
      source: 'pre-chat',
      authenticated: false,
    });
  }
  const same =
    state.preChatSubmitted &&
    state.profile.name === command.name &&
    state.profile.email === command.email;
  if (!same)
    events.push({ type: 'PreChatFormSubmitted', name: command.name, email: command.email });
  if (state.hasWritten && !state.authenticated) {
    events.push({ type: 'ContactAuthenticated', via: 'pre-chat-and-message' });
  }
  return events;
}

function updateProfile(command: UpdateProfile, state: ContactState): ContactChange[] {
  const events: ContactChange[] = state.created
    ? []
    : [openImported(command.contactId, command.imported)];
  const changes = profileChanges(state.profile, command.profile);
  if (!isEmptyProfile(changes)) {
    events.push({ type: 'ContactUpdated', profile: changes, via: 'profile-update' });
  }
  return events;
}

/** The requested keys no later request has set: last writer wins by request time (ISO, UTC). */
function notSetSince(
  requested: Record<string, AttributeValue | null>,
  setAt: Record<string, string> | undefined,
  requestedAt: string | undefined,
): Record<string, AttributeValue | null> {
  if (requestedAt === undefined || setAt === undefined) return requested;
  const at = Date.parse(requestedAt);
  return Object.fromEntries(
    Object.entries(requested).filter(([key]) => {
      const last = setAt[key];
      return last === undefined || Date.parse(last) <= at;
    }),
  );
}

function setAttributes(command: SetCustomAttributes, state: ContactState): ContactChange[] {
  const events: ContactChange[] = state.created
    ? []
    : [openImported(command.contactId, command.imported)];
  const changes = attributeChanges(
    state.attributes,
    notSetSince(command.attributes, state.attributesSetAt, command.requestedAt),
    command.importedKeys,
    command.limit,
  );
  if (Object.keys(changes).length > 0) {
    events.push({
      type: 'CustomAttributesSet',
      attributes: changes,
      ...(command.requestedAt !== undefined && { at: command.requestedAt }),
    });
  }
  return events;
}

function absorbVisitor(command: AbsorbVisitor, state: ContactState): ContactChange[] {
  if (!state.created) throw new ContactNotFoundError(command.contactId);
  if (state.mergedFrom.includes(command.visitorContactId)) return [];
  const taken = mergeTaken(
    state,
    command.visitor,
    {
      profileFields: command.importedProfileFields,
      attributeKeys: command.importedAttributeKeys,
    },
    command.limit,
  );
  return [
    {
      type: 'ContactsMerged',
      mergedContactId: command.visitorContactId,
      visitorId: command.visitorId,
      profile: taken.profile,
      attributes: taken.attributes,
    },
  ];
}

/**
 * Decides one command on the stream of one contact (S5, S9, S11, S12). A visitor's contact that
 * closed into a user's refuses with `ContactMergedError`, so the caller can send the command on
 * to the user's contact; only its own start and the merge itself are quietly ignored.
 */
export function decideContact(command: ContactCommand, state: ContactState): ContactEvent[] {
  // Ids are digests of the application, so another application's id is only ever a guess (S17).
  if (state.applicationId !== undefined && state.applicationId !== command.applicationId) {
    throw new ContactNotFoundError(command.contactId);
  }
  return decideChanges(command, state).map((change) => ({
    ...change,
    contactId: command.contactId,
    applicationId: command.applicationId,
  }));
}

function decideChanges(command: ContactCommand, state: ContactState): ContactChange[] {
  if (state.mergedInto !== undefined) {
    if (command.kind === 'start-visitor' || command.kind === 'merge-into') return [];
    throw new ContactMergedError(command.contactId, state.mergedInto);
  }
  switch (command.kind) {
    case 'record-authentication':
      return recordAuthentication(command, state);
    case 'start-visitor':
      if (!state.created) {
        return [
          {
            type: 'ContactCreated',
            kind: 'visitor',
            generatedName: command.generatedName,
            profile: {},
            source: 'widget',
            authenticated: false,
          },
        ];
      }
      return state.generatedName === undefined
        ? [
            {
              type: 'ContactUpdated',
              profile: {},
              generatedName: command.generatedName,
              via: 'visitor-start',
            },
          ]
        : [];
    case 'record-message':
      return recordMessage(command, state);
    case 'submit-pre-chat':
      return submitPreChat(command, state);
    case 'update-profile':
      return updateProfile(command, state);
    case 'set-attributes':
      return setAttributes(command, state);
    case 'merge-into':
      return [
        { type: 'ContactMergedInto', intoContactId: command.intoContactId, userId: command.userId },
      ];
    case 'absorb-visitor':
      return absorbVisitor(command, state);
    default: {
      const never: never = command;
      return never;
    }
  }
}

export function evolveContact(current: ContactState, event: ContactEvent): ContactState {
  const state =
    current.applicationId === undefined
      ? { ...current, applicationId: event.applicationId }
      : current;
  switch (event.type) {
    case 'ContactCreated':
      return {
        ...state,
        created: true,
        ...(event.userId !== undefined && { userId: event.userId }),
        ...(event.generatedName !== undefined && { generatedName: event.generatedName }),
        profile: { ...state.profile, ...event.profile },
        authenticated: state.authenticated || event.authenticated,
      };
    case 'ContactUpdated':
      return {
        ...state,
        profile: { ...state.profile, ...event.profile },
        ...(event.generatedName !== undefined && { generatedName: event.generatedName }),
      };
    case 'PreChatFormSubmitted':
      return {
        ...state,
        preChatSubmitted: true,
        profile: { ...state.profile, name: event.name, email: event.email },
      };
    case 'ContactAuthenticated':
      return { ...state, authenticated: true };
    case 'ContactSeen': {
      const later =
        state.lastSeenAt === undefined || Date.parse(event.at) > Date.parse(state.lastSeenAt);
      return {
        ...state,
        ...(later && { lastSeenAt: event.at }),
        hasWritten: state.hasWritten || event.via === 'message',
      };
    }
    case 'CustomAttributesSet':
      return {
        ...state,
        attributes: { ...state.attributes, ...event.attributes },
        ...(event.at !== undefined && {
          attributesSetAt: {
            ...state.attributesSetAt,
            ...Object.fromEntries(Object.keys(event.attributes).map((key) => [key, event.at!])),
          },
        }),
      };
    case 'ContactsMerged':
      return {
        ...state,
        profile: { ...state.profile, ...event.profile },
        attributes: { ...state.attributes, ...event.attributes },
        mergedFrom: [...state.mergedFrom, event.mergedContactId],
      };
    case 'ContactMergedInto':
      return { ...state, mergedInto: event.intoContactId };
    default: {
      const never: never = event;
      return never;
    }
  }
}

/** The contact aggregate (stream `contact-<contactId>`), for `AggregateRepository`. */
export const contactDecider: Decider<ContactState, ContactCommand, ContactEvent> = {
  initialState: initialContactState,
  decide: decideContact,
  evolve: evolveContact,
};
