/** One message a sender tried to send: retried with the same client message id until a 2xx. */
export interface SentMessage {
  clientMessageId: string;
  contactId: string;
  /** Who sent it (a device or the agent); each sender sends one message at a time. */
  sender: string;
  /** Its place in the sender's own sequence. */
  seq: number;
  /** A 2xx answered one of its attempts. */
  acknowledged: boolean;
}

/** A message as the thread projection shows it, in page order. */
export interface ThreadEntry {
  messageId: string;
  clientMessageId: string;
  cursor: string;
}

/** Every `message` frame one device got, over all its sockets, in arrival order. */
export interface DeviceReceipts {
  device: string;
  contactId: string;
  messageIds: string[];
}

export interface DeliveryAudit {
  sent: number;
  acknowledged: number;
  /** Acknowledged but not in the thread. */
  lost: number;
  /** Extra copies in the threads: a client message id or a message id seen more than once. */
  duplicated: number;
  /** Thread entries whose cursor does not increase, or a sender's messages out of its order. */
  outOfOrder: number;
  /** Never acknowledged (the sender gave up), yet in the thread once: allowed. */
  unacknowledgedApplied: number;
  /** In a thread, but sent by no one this run knows. */
  unknown: number;
  deviceFrames: number;
  /** Messages of its thread a device never got. */
  deviceMissing: number;
  /** Frames of a message a device had already got. */
  deviceDuplicated: number;
  /** Frames that came after one with a later cursor. */
  deviceOutOfOrder: number;
  /** The first few problems, named, for the failure message. */
  problems: string[];
}

const maxProblems = 20;

/**
 * Compares what the senders were told (2xx or not), what the thread projections hold and what
 * each device received. Pure: the test gathers the three views, this only counts.
 */
export function auditDelivery(
  sent: readonly SentMessage[],
  threads: ReadonlyMap<string, readonly ThreadEntry[]>,
  devices: readonly DeviceReceipts[],
): DeliveryAudit {
  const problems: string[] = [];
  const note = (problem: string) => {
    if (problems.length < maxProblems) problems.push(problem);
  };
  const bySender = new Map<string, SentMessage[]>();
  const byClientId = new Map<string, SentMessage>();
  for (const message of sent) {
    byClientId.set(`${message.contactId}\n${message.clientMessageId}`, message);
    const list = bySender.get(message.sender) ?? [];
    list.push(message);
    bySender.set(message.sender, list);
  }

  let duplicated = 0;
  let outOfOrder = 0;
  let unknown = 0;
  let unacknowledgedApplied = 0;
  /** contactId → clientMessageId → position in the thread. */
  const positions = new Map<string, Map<string, number>>();
  const cursorOf = new Map<string, string>();
  for (const [contactId, entries] of threads) {
    const seenClientIds = new Map<string, number>();
    const seenIds = new Set<string>();
    entries.forEach((entry, index) => {
      const previous = entries[index - 1];
      if (previous && !(previous.cursor < entry.cursor)) {
        outOfOrder++;
        note(`thread ${contactId}: cursor ${entry.cursor} follows ${previous.cursor}`);
      }
      if (seenIds.has(entry.messageId) || seenClientIds.has(entry.clientMessageId)) {
        duplicated++;
        note(`thread ${contactId}: ${entry.clientMessageId} (${entry.messageId}) appears twice`);
        return;
      }
      seenIds.add(entry.messageId);
      seenClientIds.set(entry.clientMessageId, index);
      cursorOf.set(`${contactId}\n${entry.messageId}`, entry.cursor);
      const origin = byClientId.get(`${contactId}\n${entry.clientMessageId}`);
      if (!origin) {
        unknown++;
        note(`thread ${contactId}: ${entry.clientMessageId} was sent by no one`);
      } else if (!origin.acknowledged) unacknowledgedApplied++;
    });
    positions.set(contactId, seenClientIds);
  }

  let lost = 0;
  for (const message of sent) {
    if (!message.acknowledged) continue;
    if (!positions.get(message.contactId)?.has(message.clientMessageId)) {
      lost++;
      note(`lost: ${message.sender} #${message.seq} ${message.clientMessageId}`);
    }
  }
  for (const [sender, messages] of bySender) {
    // One message at a time per sender: in each thread, its messages keep the order it sent them.
    const last = new Map<string, number>();
    for (const message of messages) {
      const at = positions.get(message.contactId)?.get(message.clientMessageId);
      if (at === undefined || !message.acknowledged) continue;
      const before = last.get(message.contactId) ?? -1;
      if (at < before) {
        outOfOrder++;
        note(`${sender} #${message.seq} sorts before an earlier message of the same sender`);
      }
      last.set(message.contactId, Math.max(before, at));
    }
  }

  let deviceFrames = 0;
  let deviceMissing = 0;
  let deviceDuplicated = 0;
  let deviceOutOfOrder = 0;
  for (const device of devices) {
    deviceFrames += device.messageIds.length;
    const got = new Set<string>();
    let lastCursor = '';
    for (const messageId of device.messageIds) {
      if (got.has(messageId)) {
        deviceDuplicated++;
        note(`device ${device.device} got ${messageId} twice`);
        continue;
      }
      got.add(messageId);
      const cursor = cursorOf.get(`${device.contactId}\n${messageId}`);
      if (cursor === undefined) {
        unknown++;
        note(`device ${device.device} got ${messageId}, which its thread does not hold`);
        continue;
      }
      if (cursor < lastCursor) {
        deviceOutOfOrder++;
        note(`device ${device.device} got ${cursor} after ${lastCursor}`);
      }
      lastCursor = cursor > lastCursor ? cursor : lastCursor;
    }
    for (const entry of threads.get(device.contactId) ?? []) {
      if (!got.has(entry.messageId)) {
        deviceMissing++;
        note(`device ${device.device} never got ${entry.clientMessageId} (${entry.cursor})`);
      }
    }
  }

  return {
    sent: sent.length,
    acknowledged: sent.filter((m) => m.acknowledged).length,
    lost,
    duplicated,
    outOfOrder,
    unacknowledgedApplied,
    unknown,
    deviceFrames,
    deviceMissing,
    deviceDuplicated,
    deviceOutOfOrder,
    problems,
  };
}
