import { eventsTopic, type ThreadMessage } from '@threadline/contracts';
import { defineProjection, type Projection, type ProjectionDocument } from '@threadline/eventing';
import { threadMessageView } from '../../application/threads/thread-message.view';
import { messageOf } from '../eventing/thread.codec';
import { asThreadEvent } from './thread-events';

export const THREADS_COLLECTION = 'threads';

/** One thread at a glance, keyed by its stream id: counts, last message, read markers. */
export interface ThreadDocument extends ProjectionDocument {
  applicationId: string;
  contactId: string;
  status: 'open' | 'merged';
  mergedInto?: string;
  startedAt?: string;
  messageCount: number;
  lastMessage?: ThreadMessage;
  /** `<last message cursor>~<contactId>`: the thread list's order, newest first. */
  listKey?: string;
  unread: { user: number; agent: number };
  readUpTo: { user: string | null; agent: string | null };
}

export const listKeyOf = (lastCursor: string, contactId: string) => `${lastCursor}~${contactId}`;

/**
 * The `threads` read model (S13, S15). Unread counts follow the stream: a message adds one for the
 * other side; a read or a merge sets what the decider counted. A merge reads the document before
 * writing it, which is safe because one thread's events are applied one after another.
 */
export function threadsProjection(
  overrides: { topics?: readonly string[]; collection?: string } = {},
): Projection {
  return defineProjection({
    name: 'threads',
    topics: overrides.topics ?? [eventsTopic('conversation')],
    collection: overrides.collection ?? THREADS_COLLECTION,
    schemaVersion: 1,
    async setup(collection) {
      await collection.createIndex({ applicationId: 1, listKey: -1 });
    },
    async apply(raw, ctx) {
      const thread = asThreadEvent(raw);
      if (!thread) return;
      const { event, contactId } = thread;
      const target = {
        _id: event.streamId,
        streamId: event.streamId,
        streamVersion: event.streamVersion,
      };
      const identity = { applicationId: event.tenantId, contactId };
      switch (event.type) {
        case 'conversation.conversation-started':
          await ctx.applyOnce(target, {
            $set: { ...identity, status: 'open', startedAt: event.occurredAt },
            $setOnInsert: {
              messageCount: 0,
              unread: { user: 0, agent: 0 },
              readUpTo: { user: null, agent: null },
            },
          });
          return;
        case 'conversation.message-sent': {
          const message = threadMessageView(messageOf(event));
          const other = message.author.kind === 'agent' ? 'user' : 'agent';
          await ctx.applyOnce(target, {
            $set: {
              ...identity,
              lastMessage: message,
              listKey: listKeyOf(message.cursor, contactId),
            },
            $inc: { messageCount: 1, [`unread.${other}`]: 1 },
          });
          return;
        }
        case 'conversation.conversation-merged': {
          const merged = event.payload.messages.map(threadMessageView);
          const stored = await ctx.collection.findOne(
            { _id: event.streamId },
            { projection: { lastMessage: 1 } },
          );
          const newest = merged.reduce((a, b) => (b.cursor > a.cursor ? b : a));
          const current = (stored as ThreadDocument | null)?.lastMessage;
          const last = current && current.cursor > newest.cursor ? undefined : newest;
          await ctx.applyOnce(target, {
            $set: {
              ...identity,
              unread: event.payload.unread,
              ...(last ? { lastMessage: last, listKey: listKeyOf(last.cursor, contactId) } : {}),
            },
            $inc: { messageCount: merged.length },
          });
          return;
        }
        case 'conversation.conversation-merged-into':
          await ctx.applyOnce(target, {
            $set: { ...identity, status: 'merged', mergedInto: event.payload.intoContactId },
          });
          return;
        case 'conversation.thread-read':
          await ctx.applyOnce(target, {
            $set: {
              ...identity,
              [`readUpTo.${event.payload.side}`]: event.payload.upTo,
              [`unread.${event.payload.side}`]: event.payload.unread,
            },
          });
          return;
        default: {
          const never: never = event;
          return never;
        }
      }
    },
  });
}
