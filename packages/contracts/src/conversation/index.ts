import { ConversationMergedIntoV1 } from './conversation-merged-into.v1';
import { ConversationMergedV1, MergedMessage, UnreadCounts } from './conversation-merged.v1';
import { ConversationStartedV1 } from './conversation-started.v1';
import { MessageAuthorOnWire, MessageSentV1 } from './message-sent.v1';
import { ThreadReadV1 } from './thread-read.v1';

export {
  ConversationMergedIntoV1,
  ConversationMergedV1,
  ConversationStartedV1,
  MergedMessage,
  MessageAuthorOnWire,
  MessageSentV1,
  ThreadReadV1,
  UnreadCounts,
};

/** Every published conversation event version (`conversation.events`). */
export const conversationContracts = [
  ConversationStartedV1,
  MessageSentV1,
  ConversationMergedV1,
  ConversationMergedIntoV1,
  ThreadReadV1,
] as const;
