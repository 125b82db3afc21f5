export { chunkMessages, MERGE_CHUNK_LIMITS, type ChunkLimits } from './merge-chunks';
export { cursorOf, isCursor, sentAtOfCursor } from './thread-cursor';
export type {
  AbsorbConversation,
  MarkRead,
  SealForMerge,
  Sender,
  SendMessage,
  ThreadCommand,
} from './thread.commands';
export { decideThread, evolveThread, threadDecider } from './thread.decider';
export {
  ClientMessageIdConflictError,
  MessageNotFoundError,
  ThreadError,
  ThreadMergedError,
  ThreadNotFoundError,
} from './thread.errors';
export {
  otherSide,
  sideOf,
  type Author,
  type ConversationMerged,
  type ConversationMergedInto,
  type ConversationStarted,
  type Message,
  type MessageSent,
  type ReadMarkers,
  type Side,
  type ThreadEvent,
  type ThreadRead,
  type UnreadCounts,
} from './thread.events';
export {
  authorKeyOf,
  cursorOfAccepted,
  findByClientMessageId,
  type AbsorbedThread,
  type AcceptedMessage,
  type StartedThread,
  type ThreadState,
} from './thread.state';
export { countUnreadBy, isUnreadBy } from './unread';
