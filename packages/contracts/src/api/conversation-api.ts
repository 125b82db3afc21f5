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

/** `POST /internal/threads/messages`: 201 with `SentMessage` (200 with the same when a retry). */
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
 * `GET /internal/threads/:applicationId/:contactId/messages?before=&after=&limit=`: `before`
 * pages back through history, `after` catches a reconnecting client up; at most one of them.
 */
export const ThreadPageQuery = z
  .strictObject({
    before: z.string().min(1).max(256).optional(),
    after: z.string().min(1).max(256).optional(),
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

/** `POST /internal/threads/read`: one side has read the thread up to a message (204). */
export const MarkThreadReadBody = z.strictObject({
  applicationId: ApplicationId,
  contactId: ContactId,
  side: z.enum(['user', 'agent']),
  upTo: z.string().min(1).max(256),
});
export type MarkThreadReadBody = z.infer<typeof MarkThreadReadBody>;
