import { createServiceApp, listen, runService } from '@threadline/service-kit';
import { ConversationModule } from './conversation.module';
import { loadConversationConfig } from './infrastructure/config/conversation.config';

runService('conversation', async () => {
  const config = loadConversationConfig();
  await listen(await createServiceApp(ConversationModule.forRoot(config)), 'conversation', config);
});
