import { contactIdOf, threadStreamId, type EventEnvelope } from '@threadline/contracts';

export interface AuditQuery {
  applicationId: string;
  userId: string;
  /** Only what had occurred by then; default everything. */
  asOf?: Date;
}

type Payload = Record<string, unknown>;
const payloadOf = (event: EventEnvelope): Payload =>
  typeof event.payload === 'object' && event.payload !== null ? (event.payload as Payload) : {};
const text = (value: unknown): string | undefined =>
  typeof value === 'string' ? value : undefined;

/** Whether `value` holds `needle` as a whole string anywhere inside it. */
function mentions(value: unknown, needle: string): boolean {
  if (value === needle) return true;
  if (Array.isArray(value)) return value.some((item) => mentions(item, needle));
  if (typeof value === 'object' && value !== null) {
    return Object.values(value).some((item) => mentions(item, needle));
  }
  return false;
}

/** Time order; events of one instant keep their stream order. */
export function compareEvents(a: EventEnvelope, b: EventEnvelope): number {
  return (
    a.occurredAt.localeCompare(b.occurredAt) ||
    a.streamId.localeCompare(b.streamId) ||
    a.streamVersion - b.streamVersion
  );
}

/**
 * S16: the events that make up one user's timeline, as it stood at `asOf`. Their identity events
 * (authentications, hash binding, refusals) name the user; their sessions' ends name the sessions
 * those authentications opened; contact events are the user contact's stream or name that contact;
 * conversation events are the user's thread, and each anonymous thread merged into it (S12) up
 * to its merge. Events after `asOf` are dropped first, so a later merge does not reach back.
 */
export function selectTimeline(
  events: readonly EventEnvelope[],
  query: AuditQuery,
): EventEnvelope[] {
  const asOf = query.asOf?.getTime();
  const known = events.filter(
    (e) =>
      e.tenantId === query.applicationId &&
      (asOf === undefined || Date.parse(e.occurredAt) <= asOf),
  );
  const contactId = contactIdOf(query.applicationId, { kind: 'user', userId: query.userId });
  const thread = threadStreamId(contactId);

  const identity = known.filter(
    (e) => e.type.startsWith('identity.') && payloadOf(e).userId === query.userId,
  );
  const sessions = new Set(
    identity
      .filter((e) => e.type === 'identity.user-authenticated')
      .map((e) => text(payloadOf(e).sessionId)),
  );
  const sessionEnds = known.filter(
    (e) => e.type === 'identity.session-ended' && sessions.has(text(payloadOf(e).sessionId)),
  );
  const contacts = known.filter(
    (e) =>
      e.type.startsWith('contact.') &&
      (e.streamId === `contact-${contactId}` || mentions(e.payload, contactId)),
  );
  const own = known.filter((e) => e.type.startsWith('conversation.') && e.streamId === thread);
  const mergedFrom = new Set(
    own
      .filter((e) => e.type === 'conversation.conversation-merged')
      .map((e) => text(payloadOf(e).fromContactId)),
  );
  const merged = [...mergedFrom].flatMap((from) => {
    if (from === undefined) return [];
    const stream = known.filter((e) => e.streamId === threadStreamId(from));
    const seal = stream.find(
      (e) =>
        e.type === 'conversation.conversation-merged-into' &&
        payloadOf(e).intoContactId === contactId,
    );
    return stream.filter((e) => seal === undefined || e.streamVersion <= seal.streamVersion);
  });

  const byId = new Map<string, EventEnvelope>();
  for (const event of [...identity, ...sessionEnds, ...contacts, ...own, ...merged]) {
    byId.set(event.eventId, event);
  }
  return [...byId.values()].sort(compareEvents);
}

const secretKey = /hash|secret|password|token|jwt/i;

/** A secret-looking value shows its first characters only: enough to tell two apart. */
function redact(value: unknown, key = ''): unknown {
  if (secretKey.test(key) && typeof value === 'string') {
    return value.length > 8 ? `${value.slice(0, 8)}…` : '…';
  }
  if (Array.isArray(value)) return value.map((item) => redact(item));
  if (typeof value === 'object' && value !== null) {
    return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, redact(v, k)]));
  }
  return value;
}

/** The envelope as `--json` prints it: whole, but with secrets cut short. */
export function redactedEnvelope(event: EventEnvelope): EventEnvelope {
  return { ...event, payload: redact(event.payload) };
}

function clip(value: string, max: number): string {
  return value.length > max ? `${value.slice(0, max - 1)}…` : value;
}

const quoted = (value: unknown) => clip(JSON.stringify(text(value) ?? ''), 80);

function profileOf(profile: unknown): string {
  if (typeof profile !== 'object' || profile === null) return '';
  const fields = Object.entries(profile).map(([k, v]) => `${k}=${JSON.stringify(v)}`);
  return fields.length > 0 ? `, profile ${fields.join(' ')}` : '';
}

function authorOf(author: unknown, userContact: string): string {
  const a = (typeof author === 'object' && author !== null ? author : {}) as Payload;
  if (a.kind === 'agent') return `agent ${text(a.agentId)}`;
  const who = a.contactId === userContact ? 'user' : `visitor ${text(a.contactId)}`;
  return `${who} on ${text(a.deviceId)}`;
}

/** One short line about an event's payload; never a secret in full. */
export function summarize(event: EventEnvelope, userContact: string): string {
  const p = payloadOf(event);
  switch (event.type) {
    case 'identity.user-authenticated':
      return [
        `device ${text(p.deviceId)}, session ${text(p.sessionId)}`,
        p.verifiedBy === undefined ? '' : `, verified by key ${text(p.verifiedBy)}`,
        profileOf(p.profile),
        p.previousVisitorId === undefined ? '' : `, was visitor ${text(p.previousVisitorId)}`,
      ].join('');
    case 'identity.hash-bound':
      return `security hash bound (keyed ${String(redact(p.keyedHash, 'keyedHash'))})`;
    case 'identity.authentication-rejected':
      return `refused: ${text(p.reason)}${p.clientAddress === undefined ? '' : ` from ${text(p.clientAddress)}`}`;
    case 'identity.session-ended':
      return `session ${text(p.sessionId)} ended (${text(p.reason)})`;
    case 'conversation.conversation-started':
      return `thread of ${text(p.contactId)} started`;
    case 'conversation.message-sent':
      return `${authorOf(p.author, userContact)} [${text(p.clientMessageId)}]: ${quoted(p.text)}`;
    case 'conversation.conversation-merged': {
      const count = Array.isArray(p.messages) ? p.messages.length : 0;
      return `${count} message${count === 1 ? '' : 's'} merged from ${text(p.fromContactId)}`;
    }
    case 'conversation.conversation-merged-into':
      return `merged into ${text(p.intoContactId)} (${String(p.messageCount)} messages)`;
    case 'conversation.thread-read':
      return `${text(p.side)} read up to ${text(p.upTo)} (${String(p.unread)} unread)`;
    default:
      return clip(JSON.stringify(redact(event.payload)) ?? '', 160);
  }
}

/** The timeline as text: `occurredAt  type  summary`, one line per event. */
export function formatTimeline(events: readonly EventEnvelope[], query: AuditQuery): string[] {
  const userContact = contactIdOf(query.applicationId, { kind: 'user', userId: query.userId });
  return events.map((e) => `${e.occurredAt}  ${e.type}  ${summarize(e, userContact)}`);
}

export function emptyTimelineMessage(query: AuditQuery): string {
  const asOf = query.asOf ? ` as of ${query.asOf.toISOString()}` : '';
  return `no events for user ${JSON.stringify(query.userId)} of application ${query.applicationId}${asOf}`;
}
