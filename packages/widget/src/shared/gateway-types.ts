/**
 * The gateway's public API types, erased at build: the contracts package's runtime needs Node,
 * so browser code takes its types only.
 */
export type {
  AgentSession,
  ClientFrame,
  ContactPage,
  ContactView,
  CustomAttributeValue,
  ImportStatus,
  ServerFrame,
  SentMessage,
  ThreadMessage,
  ThreadPage,
  WidgetInitInput,
  WidgetSession,
} from '@threadline/contracts';
