import { rangesSince, recordsIn } from './partition-range';
import { asOfCollectionName, rebuildCollectionName } from './rebuild-names';

describe('partition ranges', () => {
  it('counts the records between the captured offsets', () => {
    expect(
      recordsIn([
        { topic: 't', partition: 0, from: '0', to: '5' },
        { topic: 't', partition: 1, from: '3', to: '3' },
      ]),
    ).toBe(5);
  });

  it('given a later capture, then what was written since starts where the first capture ended', () => {
    expect(
      rangesSince(
        [{ topic: 't', partition: 0, from: '0', to: '5' }],
        [
          { topic: 't', partition: 0, from: '0', to: '7' },
          { topic: 't', partition: 1, from: '0', to: '1' },
        ],
      ),
    ).toEqual([
      { topic: 't', partition: 0, from: '5', to: '7' },
      { topic: 't', partition: 1, from: '0', to: '1' },
    ]);
  });
});

describe('rebuild collection names', () => {
  const startedAt = new Date('2026-11-23T10:15:00.123Z');

  it('names a rebuild after its collection and start time', () => {
    expect(rebuildCollectionName('stream_catalog', startedAt)).toBe(
      'stream_catalog__rebuild_20261123T101500123Z',
    );
  });

  it('names an as-of result after the time it shows', () => {
    expect(asOfCollectionName('stream_catalog', new Date('2026-11-01T00:00:00Z'), startedAt)).toBe(
      'stream_catalog__as_of_20261101T000000000Z__built_20261123T101500123Z',
    );
  });
});
