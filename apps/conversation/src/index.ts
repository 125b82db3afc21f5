export { ConversationModule, type ConversationModuleOptions } from './conversation.module';
export {
  loadConversationConfig,
  type ConversationConfig,
} from './infrastructure/config/conversation.config';
export { threadMessagesProjection, threadsProjection } from './projections';
export { VISITOR_MERGE_GROUP } from './interface/kafka/visitor-login.consumer';
