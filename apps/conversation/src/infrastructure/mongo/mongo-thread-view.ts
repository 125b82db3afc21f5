import {
  threadStreamId,
  type ThreadList,
  type ThreadMessage,
  type ThreadPage,
  type ThreadSummary,
} from '@threadline/contracts';
import type { mongo } from 'mongoose';
import type { PageRequest, ThreadView } from '../../application/ports/thread-view.port';
import {
  THREAD_MESSAGES_COLLECTION,
  type ThreadMessageDocument,
} from './thread-messages.projection';
import { THREADS_COLLECTION, type ThreadDocument } from './threads.projection';

const noUnread = { user: 0, agent: 0 };

function messageOf(doc: ThreadMessageDocument): ThreadMessage {
  return {
    messageId: doc.messageId,
    clientMessageId: doc.clientMessageId,
    author: doc.author,
    text: doc.text,
    sentAt: doc.sentAt,
    cursor: doc.cursor,
  };
}

function summaryOf(doc: ThreadDocument): ThreadSummary {
  return {
    applicationId: doc.applicationId,
    contactId: doc.contactId,
    status: doc.status,
    ...(doc.mergedInto === undefined ? {} : { mergedInto: doc.mergedInto }),
    messageCount: doc.messageCount ?? 0,
    lastMessage: doc.lastMessage ?? null,
    unread: { ...noUnread, ...doc.unread },
    readUpTo: { user: doc.readUpTo?.user ?? null, agent: doc.readUpTo?.agent ?? null },
  };
}

/**
 * Reads the thread projections. Every query names one thread (or one application), and asks one
 * more than the page for whether more remain. FerretDB sorts in memory, so the filter keeps the
 * set to sort to one thread's messages on the right side of the cursor.
 */
export class MongoThreadView implements ThreadView {
  constructor(private readonly db: () => mongo.Db) {}

  private threads() {
    return this.db().collection<ThreadDocument>(THREADS_COLLECTION);
  }

  private messages() {
    return this.db().collection<ThreadMessageDocument>(THREAD_MESSAGES_COLLECTION);
  }

  async page(applicationId: string, contactId: string, request: PageRequest): Promise<ThreadPage> {
    const streamId = threadStreamId(contactId);
    const forward = request.after !== undefined;
    const cursor = forward
      ? { cursor: { $gt: request.after } }
      : request.before !== undefined
        ? { cursor: { $lt: request.before } }
        : {};
    const [docs, thread] = await Promise.all([
      this.messages()
        .find({ streamId, applicationId, ...cursor } as mongo.Filter<ThreadMessageDocument>)
        .sort({ cursor: forward ? 1 : -1 })
        .limit(request.limit + 1)
        .toArray(),
      this.threads().findOne({ _id: streamId, applicationId }),
    ]);
    const more = docs.length > request.limit;
    const page = docs.slice(0, request.limit).map(messageOf);
    if (!forward) page.reverse();
    const edge = forward ? page.at(-1) : page[0];
    return {
      messages: page,
      nextCursor: more && edge ? edge.cursor : null,
      unread: thread ? { ...noUnread, ...thread.unread } : noUnread,
    };
  }

  async summary(applicationId: string, contactId: string): Promise<ThreadSummary> {
    const doc = await this.threads().findOne({ _id: threadStreamId(contactId), applicationId });
    return doc
      ? summaryOf(doc)
      : {
          applicationId,
          contactId,
          status: 'empty',
          messageCount: 0,
          lastMessage: null,
          unread: noUnread,
          readUpTo: { user: null, agent: null },
        };
  }

  async list(
    applicationId: string,
    request: { before?: string; limit: number },
  ): Promise<ThreadList> {
    const docs = await this.threads()
      .find({
        applicationId,
        status: 'open',
        listKey: request.before === undefined ? { $exists: true } : { $lt: request.before },
      } as mongo.Filter<ThreadDocument>)
      .sort({ listKey: -1 })
      .limit(request.limit + 1)
      .toArray();
    const more = docs.length > request.limit;
    const page = docs.slice(0, request.limit);
    const last = page.at(-1);
    return {
      threads: page.map(summaryOf),
      nextCursor: more && last?.listKey ? last.listKey : null,
    };
  }
}
