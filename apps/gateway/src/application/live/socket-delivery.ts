import type { ThreadMessage } from '@threadline/contracts';

/** A `message` server frame. */
export interface MessageFrame {
  type: 'message';
  applicationId: string;
  contactId: string;
  message: ThreadMessage;
}

const threadKey = (applicationId: string, contactId: string) => `${applicationId}\n${contactId}`;

/**
 * What one socket has been sent, so that a reconnect's catch-up and the live feed meet without
 * gaps or repeats (S13). While a thread catches up, its live frames wait in a buffer; catch-up
 * pages are sent, then the buffer, each message once (by id: a merged message may sort before
 * others, and Kafka may deliver twice). Pure: the socket and the API are outside.
 */
export class SocketDelivery {
  private readonly sent = new Set<string>();
  private readonly catchingUp = new Map<string, { depth: number; buffer: MessageFrame[] }>();

  constructor(
    private readonly send: (frame: MessageFrame) => void,
    /** Message ids remembered; older ones fall out first. */
    private readonly remembered = 20_000,
  ) {}

  /** A message from the live feed. */
  live(frame: MessageFrame): void {
    const catchUp = this.catchingUp.get(threadKey(frame.applicationId, frame.contactId));
    if (catchUp) catchUp.buffer.push(frame);
    else this.deliver(frame);
  }

  /** Live frames of this thread wait from now until `endCatchUp`. */
  beginCatchUp(applicationId: string, contactId: string): void {
    const key = threadKey(applicationId, contactId);
    const current = this.catchingUp.get(key);
    if (current) current.depth += 1;
    else this.catchingUp.set(key, { depth: 1, buffer: [] });
  }

  /** One page of the catch-up, oldest first. */
  catchUp(applicationId: string, contactId: string, messages: ThreadMessage[]): void {
    for (const message of messages)
      this.deliver({ type: 'message', applicationId, contactId, message });
  }

  /** Sends what waited, except what the catch-up already sent. */
  endCatchUp(applicationId: string, contactId: string): void {
    const key = threadKey(applicationId, contactId);
    const current = this.catchingUp.get(key);
    if (!current) return;
    current.depth -= 1;
    if (current.depth > 0) return;
    this.catchingUp.delete(key);
    const waiting = [...current.buffer].sort((a, b) =>
      a.message.cursor < b.message.cursor ? -1 : a.message.cursor > b.message.cursor ? 1 : 0,
    );
    for (const frame of waiting) this.deliver(frame);
  }

  private deliver(frame: MessageFrame): void {
    const id = `${frame.applicationId}\n${frame.contactId}\n${frame.message.messageId}`;
    if (this.sent.has(id)) return;
    if (this.sent.size >= this.remembered) {
      const oldest = this.sent.values().next().value;
      if (oldest !== undefined) this.sent.delete(oldest);
    }
    this.sent.add(id);
    this.send(frame);
  }
}
