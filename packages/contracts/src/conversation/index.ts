import { ConversationStartedV1 } from './conversation-started.v1';
import { MessageSentV1 } from './message-sent.v1';

export { ConversationStartedV1, MessageSentV1 };

/** Every published conversation event version (`conversation.events`). */
export const conversationContracts = [ConversationStartedV1, MessageSentV1] as const;
