import { CommitSchedule } from './commit-schedule';

function clock(start = 1_000) {
  let now = start;
  return { now: () => now, advance: (ms: number) => (now += ms) };
}

describe('CommitSchedule', () => {
  it('given no interval, when an offset is handled, then it is due at once, resuming after it', () => {
    const schedule = new CommitSchedule(0);
    schedule.handled('t', 0, '41');
    expect(schedule.dueInMs()).toBe(0);
    expect(schedule.take()).toEqual([{ topic: 't', partition: 0, offset: '42' }]);
    expect(schedule.hasPending).toBe(false);
  });

  it('given an interval, when offsets are handled, then they wait for it, keeping the latest per partition', () => {
    const time = clock();
    const schedule = new CommitSchedule(1_000, time.now);
    schedule.handled('t', 0, '1');
    schedule.handled('t', 0, '2');
    schedule.handled('t', 1, '7');
    schedule.handled('u', 0, '9007199254740993');
    time.advance(400);
    expect(schedule.dueInMs()).toBe(600);
    time.advance(600);
    expect(schedule.dueInMs()).toBe(0);
    expect(schedule.take()).toEqual([
      { topic: 't', partition: 0, offset: '3' },
      { topic: 't', partition: 1, offset: '8' },
      { topic: 'u', partition: 0, offset: '9007199254740994' },
    ]);
  });

  it('given a commit just taken, when more is handled, then the interval counts from that commit', () => {
    const time = clock();
    const schedule = new CommitSchedule(1_000, time.now);
    time.advance(5_000);
    schedule.handled('t', 0, '1');
    schedule.take();
    schedule.handled('t', 0, '2');
    expect(schedule.dueInMs()).toBe(1_000);
  });

  it('given a failed commit, when restored, then its offsets are pending again unless a later one came', () => {
    const schedule = new CommitSchedule(1_000, clock().now);
    schedule.handled('t', 0, '1');
    schedule.handled('t', 1, '5');
    const taken = schedule.take();
    schedule.handled('t', 0, '2');
    schedule.restore(taken);
    expect(schedule.take()).toEqual([
      { topic: 't', partition: 0, offset: '3' },
      { topic: 't', partition: 1, offset: '6' },
    ]);
  });
});
