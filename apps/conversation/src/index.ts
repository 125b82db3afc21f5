export { ConversationModule } from './conversation.module';
export {
  loadConversationConfig,
  type ConversationConfig,
} from './infrastructure/config/conversation.config';
