import type { mongo } from 'mongoose';
import type { EndedSessions } from '../../application/sessions/ended-sessions.port';
import { SESSIONS_COLLECTION } from './sessions.projection';

/** Reads `endedAt` of one session from the sessions projection, by its `_id`. */
export class MongoEndedSessions implements EndedSessions {
  constructor(private readonly db: () => mongo.Db) {}

  async isEnded(sessionId: string): Promise<boolean> {
    const found = await this.db()
      .collection<{ _id: string }>(SESSIONS_COLLECTION)
      .findOne({ _id: sessionId, endedAt: { $exists: true } }, { projection: { _id: 1 } });
    return found !== null;
  }
}
