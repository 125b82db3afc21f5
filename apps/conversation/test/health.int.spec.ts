import { describeServiceHealth } from '@threadline/testing';
import { ConversationModule } from '../src/conversation.module';
import { loadConversationConfig } from '../src/infrastructure/config/conversation.config';

describeServiceHealth('conversation', (env) =>
  ConversationModule.forRoot(loadConversationConfig(env)),
);
