import {
  findVersionGap,
  isExpectedVersion,
  lastVersionOf,
  versionAfter,
  versionsAfter,
} from './stream-version';

describe('stream version arithmetic', () => {
  it('given an empty stream, when three events are appended, then they get versions 1, 2, 3', () => {
    expect(versionsAfter(0, 3)).toEqual([1, 2, 3]);
  });

  it('given a stream at 4, when two events are appended, then they get 5 and 6', () => {
    expect(versionsAfter(4, 2)).toEqual([5, 6]);
    expect(lastVersionOf(5, 2)).toBe(6);
  });

  it('a single-event commit ends where it starts', () => {
    expect(lastVersionOf(7, 1)).toBe(7);
  });

  it('the version after folding events is the last one, or the base when there are none', () => {
    expect(versionAfter(0, [])).toBe(0);
    expect(versionAfter(10, [])).toBe(10);
    expect(versionAfter(10, [{ streamVersion: 11 }, { streamVersion: 12 }])).toBe(12);
  });

  it.each([0, 1, 42])('accepts %p as an expected version', (v) => {
    expect(isExpectedVersion(v)).toBe(true);
  });

  it.each([-1, 1.5, Number.NaN, Number.MAX_SAFE_INTEGER + 1])('refuses %p', (v) => {
    expect(isExpectedVersion(v)).toBe(false);
  });

  it('finds no gap in a contiguous run starting where asked', () => {
    expect(findVersionGap([{ streamVersion: 3 }, { streamVersion: 4 }], 3)).toBeUndefined();
    expect(findVersionGap([], 3)).toBeUndefined();
  });

  it('names the first gap or a wrong start', () => {
    expect(findVersionGap([{ streamVersion: 1 }, { streamVersion: 3 }], 1)).toBe(
      'expected stream version 2, found 3',
    );
    expect(findVersionGap([{ streamVersion: 2 }], 1)).toBe('expected stream version 1, found 2');
  });
});
