import {
  decodeEvent,
  decodeStoredEvents,
  encodeStoredEvents,
  type KnownEvent,
} from '@threadline/contracts';
import { Types } from 'mongoose';
import type { CommitDocument } from './commit.schema';
import { CorruptStreamError } from './corrupt-stream.error';
import { lastVersionOf } from './stream-version';

/** The document of a new commit; `events` are already validated envelopes of one stream. */
export function toCommitDocument(
  streamId: string,
  events: readonly KnownEvent[],
  committedAt: Date,
): CommitDocument {
  const first = events[0]!;
  return {
    _id: new Types.ObjectId(),
    streamId,
    version: first.streamVersion,
    lastVersion: lastVersionOf(first.streamVersion, events.length),
    tenantId: first.tenantId,
    events: encodeStoredEvents(events),
    committedAt,
    published: false,
  };
}

/** Decodes a stored commit's events; a stored event that no longer validates is corruption. */
export function toKnownEvents(doc: Pick<CommitDocument, 'streamId' | 'events'>): KnownEvent[] {
  const stored = decodeStoredEvents(doc.events);
  if (!stored.ok) throw new CorruptStreamError(doc.streamId, stored.reason);
  return stored.envelopes.map((raw) => {
    const decoded = decodeEvent(raw);
    if (!decoded.ok) throw new CorruptStreamError(doc.streamId, decoded.reason);
    return decoded.event;
  });
}
