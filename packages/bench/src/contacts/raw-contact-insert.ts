import type { Connection } from 'mongoose';
import { throughput, timed, type Figure } from '../measure';

/**
 * The raw limit an import sits on: insertMany, 1,000 per call, of documents the size and shape of
 * the contacts the projection writes, with no parsing, validation, ledger, events or relay.
 */
export async function rawContactInsertMany(
  db: Connection,
  collection: string,
  rows: number,
): Promise<Figure> {
  const target = db.collection(collection);
  const { elapsedMs } = await timed(async () => {
    for (let start = 0; start < rows; start += 1000) {
      const docs = [];
      for (let i = start; i < Math.min(rows, start + 1000); i++) {
        docs.push({
          _id: `usr_raw_${String(i).padStart(28, '0')}` as never,
          streamId: `contact-usr_raw_${i}`,
          streamVersion: 0,
          schemaVersion: 1,
          applicationId: 'bench-raw',
          kind: 'user',
          userId: `bench-user-${i}`,
          own: {},
          ownAttributes: {},
          authenticated: true,
          seenAt: '',
          createdAt: '2026-11-23T10:00:00.000Z',
          importKey: `019aaf00-0000-7000-8000-000000000000:${String(i).padStart(10, '0')}`,
          importedProfile: {
            email: `user${i}@bench.example`,
            name: `Bench User ${i}`,
            phone: `+1555${String(i).padStart(7, '0')}`,
            company: `Company ${i % 1000}`,
          },
          importedAttributes: { plan: `plan-${i % 5}`, seats: i % 50, vip: i % 2 === 0 },
          importedAt: '2026-11-23T10:00:00.000Z',
        });
      }
      await target.insertMany(docs, { ordered: false });
    }
  });
  return throughput('raw insertMany of contact-shaped documents', rows, elapsedMs, 'rows/s');
}
