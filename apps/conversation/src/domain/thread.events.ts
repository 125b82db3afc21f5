export type Side = 'user' | 'agent';

/** Who wrote a message: a device of the thread's contact, or an agent. */
export type Author =
  { kind: 'user'; contactId: string; deviceId: string } | { kind: 'agent'; agentId: string };

/** A message as the thread keeps it; it keeps all of this when merged into another thread (S12). */
export interface Message {
  messageId: string;
  clientMessageId: string;
  author: Author;
  text: string;
  /** ISO 8601, milliseconds. */
  sentAt: string;
}

/** Read markers (cursors) per side; absent when that side has read nothing. */
export interface ReadMarkers {
  user?: string;
  agent?: string;
}

export interface UnreadCounts {
  user: number;
  agent: number;
}

export interface ConversationStarted {
  type: 'ConversationStarted';
  /** The tenant of every event of the thread. */
  applicationId: string;
  contactId: string;
}

export interface MessageSent {
  type: 'MessageSent';
  message: Message;
}

/** S12: a visitor's messages joined this (the user's) thread; `unread` is the count afterwards. */
export interface ConversationMerged {
  type: 'ConversationMerged';
  contactId: string;
  fromContactId: string;
  messages: Message[];
  fromReadUpTo: ReadMarkers;
  unread: UnreadCounts;
}

/** S12, the visitor's side: this thread now lives on in `intoContactId`'s and takes no more. */
export interface ConversationMergedInto {
  type: 'ConversationMergedInto';
  contactId: string;
  intoContactId: string;
  messageCount: number;
}

export interface ThreadRead {
  type: 'ThreadRead';
  contactId: string;
  side: Side;
  /** The cursor of the last message read. */
  upTo: string;
  /** What `side` still has unread afterwards. */
  unread: number;
}

export type ThreadEvent =
  ConversationStarted | MessageSent | ConversationMerged | ConversationMergedInto | ThreadRead;

export function sideOf(author: Author): Side {
  return author.kind === 'agent' ? 'agent' : 'user';
}

export function otherSide(side: Side): Side {
  return side === 'user' ? 'agent' : 'user';
}
