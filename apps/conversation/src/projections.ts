/** The projections of conversation, for operator tools (replay); free of Nest so they load light. */
export {
  threadsProjection,
  THREADS_COLLECTION,
  type ThreadDocument,
} from './infrastructure/mongo/threads.projection';
export {
  threadMessagesProjection,
  THREAD_MESSAGES_COLLECTION,
  type ThreadMessageDocument,
} from './infrastructure/mongo/thread-messages.projection';
