import {
  contactIdOfThread,
  type ConversationMergedIntoV1,
  type ConversationMergedV1,
  type ConversationStartedV1,
  type MessageSentV1,
  type ThreadReadV1,
  type TypedEvent,
} from '@threadline/contracts';

/** The events of thread streams, as the thread projections read them. */
export type ThreadStreamEvent = TypedEvent<
  | typeof ConversationStartedV1
  | typeof MessageSentV1
  | typeof ConversationMergedV1
  | typeof ConversationMergedIntoV1
  | typeof ThreadReadV1
>;

const threadTypes: ReadonlySet<string> = new Set([
  'conversation.conversation-started',
  'conversation.message-sent',
  'conversation.conversation-merged',
  'conversation.conversation-merged-into',
  'conversation.thread-read',
]);

/**
 * The thread event and its contact, or undefined for any other event, or one on a stream that is
 * not a contact's thread (`thread-<contactId>`, as `threadStreamId` makes them).
 */
export function asThreadEvent(event: {
  type: string;
  streamId: string;
}): { event: ThreadStreamEvent; contactId: string } | undefined {
  if (!threadTypes.has(event.type)) return undefined;
  const contactId = contactIdOfThread(event.streamId);
  return contactId === undefined ? undefined : { event: event as ThreadStreamEvent, contactId };
}
