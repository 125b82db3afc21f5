import type { Message, ReadMarkers, Side } from './thread.events';

/** Who sends: one of the contact's devices (the contact is the thread's), or an agent. */
export type Sender = { kind: 'user'; deviceId: string } | { kind: 'agent'; agentId: string };

/** S13: a message from the user (any device) or an agent; ids and time come from the caller. */
export interface SendMessage {
  kind: 'send';
  applicationId: string;
  contactId: string;
  /** A fresh id, used only when the message is new. */
  messageId: string;
  clientMessageId: string;
  sender: Sender;
  text: string;
  /** Milliseconds since the epoch. */
  now: number;
}

/** One side read the thread up to a message, named by its cursor or its id. */
export interface MarkRead {
  kind: 'mark-read';
  applicationId: string;
  contactId: string;
  side: Side;
  upTo: string;
}

/** S12, step 1, on the visitor's thread: close it for the merge into the user's. */
export interface SealForMerge {
  kind: 'seal-for-merge';
  applicationId: string;
  contactId: string;
  intoContactId: string;
}

/** S12, step 2, on the user's thread: take in the sealed visitor thread's messages. */
export interface AbsorbConversation {
  kind: 'absorb';
  applicationId: string;
  contactId: string;
  fromContactId: string;
  messages: Message[];
  fromReadUpTo: ReadMarkers;
}

export type ThreadCommand = SendMessage | MarkRead | SealForMerge | AbsorbConversation;
