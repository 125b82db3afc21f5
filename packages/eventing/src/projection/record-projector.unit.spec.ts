import type { EventEnvelope } from '@threadline/contracts';
import type { KafkaRecord } from '@threadline/kafka-client';
import { mongo } from 'mongoose';
import { platformEventDecoder, type EventDecoder } from '../upcasting';
import type { Projection, ProjectionContext } from './projection';
import { createRecordProjector } from './record-projector';
import { sessionEnded } from './session-ended.fixture.spec';

const aRecord = (value: unknown): KafkaRecord => ({
  topic: 'identity.events',
  partition: 0,
  offset: '7',
  key: 'session-s1',
  value: Buffer.from(JSON.stringify(value)),
  headers: {},
  timestamp: '0',
});

function projectorFor(
  apply: Projection<EventEnvelope>['apply'],
  signal = new AbortController().signal,
) {
  const projection: Projection<EventEnvelope> = {
    name: 'test',
    topics: ['identity.events'],
    collection: 'test',
    schemaVersion: 1,
    apply,
  };
  const logged: unknown[] = [];
  const project = createRecordProjector({
    projection,
    decoder: platformEventDecoder() as unknown as EventDecoder<EventEnvelope>,
    context: {} as ProjectionContext,
    retry: { initialDelayMs: 1, maxDelayMs: 2, maxAttempts: 3 },
    signal,
    logger: (entry) => logged.push(entry),
  });
  return { project, logged };
}

describe('record projector', () => {
  it('given the store fails transiently, when a record is projected, then it is retried until it passes, however often', async () => {
    let calls = 0;
    const { project, logged } = projectorFor(async () => {
      if (++calls <= 5) throw new mongo.MongoNetworkError('connection reset');
    });
    await expect(project(aRecord(sessionEnded))).resolves.toMatchObject({ kind: 'applied' });
    expect(calls).toBe(6);
    expect(logged).toHaveLength(5);
    expect(logged[0]).toMatchObject({ transient: true, attempt: 1, offset: '7' });
  });

  it('given the projection keeps refusing an event, when projected, then after maxAttempts it is rejected for the dead-letter topic', async () => {
    let calls = 0;
    const { project } = projectorFor(async () => {
      calls++;
      throw new TypeError('cannot read properties of undefined');
    });
    await expect(project(aRecord(sessionEnded))).resolves.toEqual({
      kind: 'rejected',
      deadLetter: 'apply-failed',
      reason: 'test failed 3 times: cannot read properties of undefined',
    });
    expect(calls).toBe(3);
  });

  it('given an invalid or unknown event, when projected, then apply is never called', async () => {
    const apply = jest.fn();
    const { project } = projectorFor(apply);
    await expect(project(aRecord({ ...sessionEnded, payload: {} }))).resolves.toMatchObject({
      kind: 'rejected',
      deadLetter: 'invalid',
    });
    await expect(
      project(aRecord({ ...sessionEnded, type: 'identity.later' })),
    ).resolves.toMatchObject({
      kind: 'unknown-type',
    });
    expect(apply).not.toHaveBeenCalled();
  });

  it('given a stop during a retry wait, when projected, then it ends with the stop reason and nothing is reported', async () => {
    const abort = new AbortController();
    const { project } = projectorFor(async () => {
      abort.abort(new Error('stopping'));
      throw new mongo.MongoNetworkError('down');
    }, abort.signal);
    await expect(project(aRecord(sessionEnded))).rejects.toThrow('stopping');
  });
});
