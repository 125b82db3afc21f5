import { MergeVisitorConversationHandler } from './merge/merge-visitor-conversation.handler';
import { MarkThreadReadHandler } from './threads/mark-thread-read.handler';
import { SendMessageHandler } from './threads/send-message.handler';
import {
  GetThreadPageHandler,
  GetThreadSummaryHandler,
  ListThreadsHandler,
} from './threads/thread-queries.handlers';

export {
  MergeVisitorConversationCommand,
  type MergeOutcome,
} from './merge/merge-visitor-conversation.command';
export { MarkThreadReadCommand } from './threads/mark-thread-read.command';
export { SendMessageCommand } from './threads/send-message.command';
export { threadMessageView } from './threads/thread-message.view';
export {
  GetThreadPageQuery,
  GetThreadSummaryQuery,
  ListThreadsQuery,
} from './threads/thread-queries';
export * from './ports/thread-repository.port';
export * from './ports/thread-view.port';

export const conversationHandlers = [
  SendMessageHandler,
  MarkThreadReadHandler,
  MergeVisitorConversationHandler,
  GetThreadPageHandler,
  GetThreadSummaryHandler,
  ListThreadsHandler,
];
