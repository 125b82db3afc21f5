import { z } from 'zod';
import { ApplicationId } from '../tenancy';
import { ContactIdPattern } from '../ids';

/**
 * The conversation service's internal HTTP API (port 3003), called only by the gateway, which
 * has already checked the caller's session and derives `contactId` from it, never from a body
 * sent by a client.
 */

export const ContactId = z.string().regex(ContactIdPattern, 'must be a contact id');

/** Who wrote a message: one of the user's devices, or an agent of the organization. */
export const MessageAuthor = z.discriminatedUnion('kind', [
  z.strictObject({ kind: z.literal('user'), deviceId: z.string().min(1).max(128) }),
  z.strictObject({ kind: z.literal('agent'), agentId: z.string().min(1).max(128) }),
]);
export type MessageAuthor = z.infer<typeof MessageAuthor>;

/** A client-generated id makes a retried send a no-op (S13). */
export const ClientMessageId = z
  .string()
  .regex(/^[A-Za-z0-9_-]{8,128}$/, 'must be 8-128 of A-Z a-z 0-9 _ -');

/**
 * `POST /internal/threads/messages`: 201 with `AcceptedSentMessage` (200 with the original when a
 * retry).
 * 409 `THREAD_MERGED` (with `mergedInto`) when the contact was a visitor whose conversation has
 * joined a user's thread (S12); 409 `CLIENT_MESSAGE_ID_CONFLICT` when another author used the id.
 */
export const SendMessageBody = z.strictObject({
  applicationId: ApplicationId,
  contactId: ContactId,
  clientMessageId: ClientMessageId,
  author: MessageAuthor,
  text: z
    .string()
    .max(10_000)
    .refine((text) => text.trim().length > 0, 'must not be empty'),
});
export type SendMessageBody = z.infer<typeof SendMessageBody>;

/**
 * A message's place in its thread's one order (S13): opaque to clients; it sorts as (sentAt,
 * messageId), so paging by it has no gaps or repeats.
 */
export const ThreadCursor = z
  .string()
  .max(128)
  .regex(/^\d{16}_[A-Za-z0-9-]{1,64}$/, 'must be a cursor returned by this API');

/** One message as every device and the agent see it; `cursor` orders the thread (S13). */
export const ThreadMessage = z.object({
  messageId: z.string(),
  clientMessageId: z.string(),
  author: z.discriminatedUnion('kind', [
    z.object({ kind: z.literal('user'), contactId: z.string(), deviceId: z.string() }),
    z.object({ kind: z.literal('agent'), agentId: z.string() }),
  ]),
  text: z.string(),
  sentAt: z.iso.datetime(),
  /** Opaque; strictly increasing along the thread's one order. */
  cursor: z.string(),
});
export type ThreadMessage = z.infer<typeof ThreadMessage>;

export const SentMessage = z.object({
  message: ThreadMessage,
  /** True when `clientMessageId` had been accepted before: nothing new was written. */
  duplicate: z.boolean(),
});
export type SentMessage = z.infer<typeof SentMessage>;

/**
 * Where a new message's commit sits in its thread's stream: the versions before and after it.
 * A gateway that has already delivered the thread up to `fromVersion` delivers the message to its
 * own sockets at once instead of waiting for Kafka's copy, without breaking the thread's order.
 */
export const ThreadCommitPosition = z.object({
  fromVersion: z.number().int().min(0),
  toVersion: z.number().int().positive(),
});
export type ThreadCommitPosition = z.infer<typeof ThreadCommitPosition>;

/** The internal answer to a send: `SentMessage`, and for a new message its commit's position. */
export const AcceptedSentMessage = SentMessage.extend({
  position: ThreadCommitPosition.optional(),
});
export type AcceptedSentMessage = z.infer<typeof AcceptedSentMessage>;

/**
 * `GET /internal/threads/:applicationId/:contactId/messages?before=&after=&limit=`: `before`
 * pages back through history, `after` catches a reconnecting client up; at most one of them.
 */
export const ThreadPageQuery = z
  .strictObject({
    before: ThreadCursor.optional(),
    after: ThreadCursor.optional(),
    limit: z.coerce.number().int().min(1).max(200).default(50),
  })
  .refine((q) => !(q.before && q.after), 'give at most one of before and after');
export type ThreadPageQuery = z.infer<typeof ThreadPageQuery>;

export const ThreadPage = z.object({
  /** Oldest first. */
  messages: z.array(ThreadMessage),
  /** Pass as `before` for older messages (or `after` for newer); null when there are none. */
  nextCursor: z.string().nullable(),
  /** Messages the other side wrote that this side has not read, per side. */
  unread: z.object({ user: z.number().int().nonnegative(), agent: z.number().int().nonnegative() }),
});
export type ThreadPage = z.infer<typeof ThreadPage>;

/**
 * `POST /internal/threads/read`: one side has read the thread up to a message (204), named by its
 * `cursor` or its `messageId`; a marker at or before the current one changes nothing. 400 naming
 * `upTo` when the thread has no such message.
 */
export const MarkThreadReadBody = z.strictObject({
  applicationId: ApplicationId,
  contactId: ContactId,
  side: z.enum(['user', 'agent']),
  upTo: z.string().min(1).max(256),
});
export type MarkThreadReadBody = z.infer<typeof MarkThreadReadBody>;

/**
 * `GET /internal/threads/:applicationId/:contactId`: a thread at a glance. A contact without
 * messages has an `empty` one; `merged` is a visitor's thread that joined `mergedInto`'s (S12).
 */
export const ThreadSummary = z.object({
  applicationId: z.string(),
  contactId: z.string(),
  status: z.enum(['empty', 'open', 'merged']),
  mergedInto: z.string().optional(),
  messageCount: z.number().int().nonnegative(),
  lastMessage: ThreadMessage.nullable(),
  unread: z.object({ user: z.number().int().nonnegative(), agent: z.number().int().nonnegative() }),
  /** The cursor each side has read up to, or null. */
  readUpTo: z.object({ user: z.string().nullable(), agent: z.string().nullable() }),
});
export type ThreadSummary = z.infer<typeof ThreadSummary>;

/** Where a page of the thread list ends: opaque, newest last message first. */
export const ThreadListCursor = z
  .string()
  .max(256)
  .regex(
    /^\d{16}_[A-Za-z0-9-]{1,64}~(usr|vis|eml)_[A-Za-z0-9_-]{32}$/,
    'must be a cursor returned by this API',
  );

/**
 * `GET /internal/threads/:applicationId?before=&limit=`: an application's threads for agents,
 * by last message, newest first (merged-away visitor threads left out).
 */
export const ThreadListQuery = z.strictObject({
  before: ThreadListCursor.optional(),
  limit: z.coerce.number().int().min(1).max(100).default(30),
});
export type ThreadListQuery = z.infer<typeof ThreadListQuery>;

export const ThreadList = z.object({
  threads: z.array(ThreadSummary),
  /** Pass as `before` for older threads; null when there are none. */
  nextCursor: z.string().nullable(),
});
export type ThreadList = z.infer<typeof ThreadList>;
