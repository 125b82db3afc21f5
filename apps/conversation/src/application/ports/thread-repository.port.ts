import type { Aggregate, AppendResult, EventMetadata, UpdateOptions } from '@threadline/eventing';
import type { Message, ThreadCommand, ThreadEvent, ThreadState } from '../../domain';

export type ThreadAggregate = Aggregate<ThreadState, ThreadCommand, ThreadEvent>;

export type { UpdateOptions };

/** Where thread streams are read and appended to. */
export interface ThreadRepository {
  /**
   * Runs `work` on the thread, alone among this process's work on that thread, then appends what
   * it decided. A race lost to another process reloads and runs `work` again; a refusal decided
   * or no-op decided on remembered state is checked again on fresh state. `work` must only decide.
   */
  update<T>(
    streamId: string,
    metadata: EventMetadata,
    work: (thread: ThreadAggregate) => T | Promise<T>,
    options?: UpdateOptions,
  ): Promise<{ value: T; appended: AppendResult | null }>;
  execute(
    streamId: string,
    command: ThreadCommand,
    metadata: EventMetadata,
    options?: UpdateOptions,
  ): Promise<AppendResult | null>;
}

/** The full messages of a thread stream, which the decider's state does not keep (no texts). */
export interface ThreadHistory {
  /** The message that the event at `version` of the stream carries, if it carries that message. */
  messageAt(streamId: string, version: number, messageId: string): Promise<Message | undefined>;
  /** Every message of the stream, in stream order. */
  messagesOf(streamId: string): Promise<Message[]>;
  /** Keeps messages just appended at hand, so a retry racing its original is answered at once. */
  remember(streamId: string, messages: readonly Message[]): void;
}

/** Where commands get time and fresh message ids; ports, so tests can pin them. */
export interface ConversationClock {
  now(): Date;
}
export type MessageIds = () => string;

export const THREAD_REPOSITORY = Symbol('THREAD_REPOSITORY');
export const THREAD_HISTORY = Symbol('THREAD_HISTORY');
export const CONVERSATION_CLOCK = Symbol('CONVERSATION_CLOCK');
export const MESSAGE_IDS = Symbol('MESSAGE_IDS');
