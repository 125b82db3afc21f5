import { IdleBackoff } from './idle-backoff';

describe('IdleBackoff', () => {
  it('given empty passes, when they follow one another, then the wait doubles up to the maximum', () => {
    const backoff = new IdleBackoff(100, 1_000);
    expect([1, 2, 3, 4, 5].map(() => backoff.after(false))).toEqual([200, 400, 800, 1_000, 1_000]);
  });

  it('given a long wait, when a pass finds work (or fails), then the wait is the base again', () => {
    const backoff = new IdleBackoff(100, 1_000);
    backoff.after(false);
    backoff.after(false);
    expect(backoff.after(true)).toBe(100);
    expect(backoff.after(false)).toBe(200);
  });

  it('given a base above the maximum, then the base wins: a relay never polls faster than asked', () => {
    const backoff = new IdleBackoff(60_000, 1_000);
    expect(backoff.after(false)).toBe(60_000);
    expect(backoff.after(true)).toBe(60_000);
  });
});
