import { LiveReadPositions } from './live-read-positions';

const offsets = (partition: number, low: number, high: number) => ({
  partition,
  low: String(low),
  high: String(high),
});

describe('live read positions', () => {
  it('given partitions at the start, seeks each the backfill back from its end, not before its first record', () => {
    const positions = new LiveReadPositions(
      [offsets(0, 0, 5_000), offsets(1, 4_500, 5_000), offsets(2, 7, 7)],
      1_000,
    );
    expect(positions.seeks()).toEqual([
      { partition: 0, offset: '4000' },
      { partition: 1, offset: '4500' },
      { partition: 2, offset: '7' },
    ]);
  });

  it('given an empty topic, is backfilled at once', () => {
    expect(new LiveReadPositions([offsets(0, 0, 0), offsets(1, 3, 3)], 1_000).backfilled).toBe(
      true,
    );
  });

  it('when every partition has been read up to its end at the start, is backfilled', () => {
    const positions = new LiveReadPositions([offsets(0, 0, 3), offsets(1, 0, 2)], 1_000);
    positions.read(0, '2');
    expect(positions.backfilled).toBe(false);
    positions.read(1, '0');
    expect(positions.backfilled).toBe(false);
    positions.read(1, '1');
    expect(positions.backfilled).toBe(true);
  });

  it('when records were read, a later join seeks past them: a restarted member goes on where this process was', () => {
    const positions = new LiveReadPositions([offsets(0, 0, 3), offsets(1, 0, 0)], 1_000);
    positions.read(0, '0');
    positions.read(0, '1');
    positions.read(1, '0');
    expect(positions.seeks()).toEqual([
      { partition: 0, offset: '2' },
      { partition: 1, offset: '1' },
    ]);
  });

  it('when a record comes again (a re-read after a rebalance), does not move back', () => {
    const positions = new LiveReadPositions([offsets(0, 0, 10)], 1_000);
    positions.read(0, '8');
    positions.read(0, '3');
    expect(positions.seeks()).toEqual([{ partition: 0, offset: '9' }]);
  });

  it('when a partition appears that was not there at the start, follows it too', () => {
    const positions = new LiveReadPositions([offsets(0, 0, 0)], 1_000);
    positions.read(1, '41');
    expect(positions.seeks()).toEqual([
      { partition: 0, offset: '0' },
      { partition: 1, offset: '42' },
    ]);
  });

  it('refuses a backfill that is not a whole number of records', () => {
    expect(() => new LiveReadPositions([], -1)).toThrow(/whole number/);
    expect(() => new LiveReadPositions([], 1.5)).toThrow(/whole number/);
  });
});
