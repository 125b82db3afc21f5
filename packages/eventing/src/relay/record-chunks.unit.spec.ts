import { chunkRecords } from './record-chunks';

const record = (key: string, bytes: number) => ({ key, value: 'x'.repeat(bytes) });

describe('chunkRecords', () => {
  it('keeps records in order and each chunk under the limit', () => {
    const chunks = chunkRecords([record('a', 40), record('b', 40), record('c', 40)], 100);

    expect(chunks.map((c) => c.map((r) => r.key))).toEqual([['a', 'b'], ['c']]);
  });

  it('sends a record larger than the limit on its own', () => {
    const chunks = chunkRecords([record('a', 10), record('b', 500), record('c', 10)], 100);

    expect(chunks.map((c) => c.map((r) => r.key))).toEqual([['a'], ['b'], ['c']]);
  });

  it('makes no chunk of nothing', () => {
    expect(chunkRecords([])).toEqual([]);
  });
});
