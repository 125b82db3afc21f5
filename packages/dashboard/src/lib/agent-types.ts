/** The gateway's agent API types; erased at build (the contracts' runtime needs Node). */
export type {
  AgentSession,
  ContactPage,
  ContactView,
  CustomAttributeValue,
  ImportStatus,
  SentMessage,
  ThreadMessage,
  ThreadPage,
} from '@threadline/contracts';
