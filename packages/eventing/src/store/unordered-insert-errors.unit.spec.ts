import { unorderedInsertErrors } from './unordered-insert-errors';

const refusal = (index: number) => ({ index, code: 11000, errmsg: 'E11000 duplicate key' });
const bulkError = (fields: Record<string, unknown>) =>
  Object.assign(new Error('bulk'), { name: 'MongoBulkWriteError' }, fields);

describe('unorderedInsertErrors', () => {
  it('given a server that refused some documents and inserted the rest, then it names the refused ones', () => {
    const error = bulkError({ writeErrors: [refusal(1), refusal(3)], insertedCount: 2 });

    expect(unorderedInsertErrors(error, 4)).toEqual([refusal(1), refusal(3)]);
  });

  it('given a lone write error the driver left unwrapped, then it is read as a list of one', () => {
    const error = bulkError({ writeErrors: refusal(0), insertedCount: 2 });

    expect(unorderedInsertErrors(error, 3)).toEqual([refusal(0)]);
  });

  it('given a connection lost mid-insert (no write errors listed, none counted inserted), then the outcome is unknown', () => {
    const error = bulkError({ writeErrors: [], insertedCount: 0 });

    expect(unorderedInsertErrors(error, 3)).toBeUndefined();
  });

  it('given refusals that with the inserted do not add up to the documents sent, then the outcome is unknown', () => {
    // A batch the driver split: the first part answered, the second was lost with its connection.
    const error = bulkError({ writeErrors: [refusal(0)], insertedCount: 1 });

    expect(unorderedInsertErrors(error, 5)).toBeUndefined();
  });

  it('given a write concern error, then the outcome is unknown even for documents not refused', () => {
    const error = bulkError({
      writeErrors: [refusal(0)],
      insertedCount: 1,
      writeConcernError: { code: 64, errmsg: 'waiting for replication timed out' },
    });

    expect(unorderedInsertErrors(error, 2)).toBeUndefined();
  });

  it('given no count of inserted documents, or an error that is no bulk error at all, then the outcome is unknown', () => {
    expect(unorderedInsertErrors(bulkError({ writeErrors: [refusal(0)] }), 1)).toBeUndefined();
    expect(unorderedInsertErrors(new Error('connection reset'), 1)).toBeUndefined();
    expect(unorderedInsertErrors('boom', 1)).toBeUndefined();
    expect(unorderedInsertErrors(null, 1)).toBeUndefined();
  });
});
