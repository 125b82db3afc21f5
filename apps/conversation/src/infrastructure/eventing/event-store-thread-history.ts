import type { EventStore } from '@threadline/eventing';
import { LRUCache } from 'lru-cache';
import type { ThreadHistory } from '../../application/ports/thread-repository.port';
import type { Message, ThreadEvent } from '../../domain';
import { threadCodec } from './thread.codec';

function messagesIn(event: ThreadEvent): Message[] {
  if (event.type === 'MessageSent') return [event.message];
  if (event.type === 'ConversationMerged') return event.messages;
  return [];
}

/**
 * Full messages read back from the thread's own stream (consistent, unlike the projection), with
 * the ones this process appended lately at hand: on FerretDB a stream read scans its commits.
 */
export class EventStoreThreadHistory implements ThreadHistory {
  private readonly recent: LRUCache<string, Message>;

  constructor(
    private readonly store: EventStore,
    options: { recentMessages: number } = { recentMessages: 10_000 },
  ) {
    this.recent = new LRUCache({ max: options.recentMessages });
  }

  remember(streamId: string, messages: readonly Message[]): void {
    for (const message of messages) this.recent.set(`${streamId}/${message.messageId}`, message);
  }

  async messageAt(
    streamId: string,
    version: number,
    messageId: string,
  ): Promise<Message | undefined> {
    const known = this.recent.get(`${streamId}/${messageId}`);
    if (known) return known;
    const events = await this.store.load(streamId, { fromVersion: version });
    const event = events.find((e) => e.streamVersion === version);
    if (!event) return undefined;
    return messagesIn(threadCodec.decode(event)).find((m) => m.messageId === messageId);
  }

  async messagesOf(streamId: string): Promise<Message[]> {
    const events = await this.store.load(streamId);
    return events.flatMap((e) => messagesIn(threadCodec.decode(e)));
  }
}
