import { descendantsOf, processParents, processStat } from './process-tree';

describe('descendantsOf', () => {
  it('given a daemon whose children lead process groups of their own (PostgreSQL backends), then it finds them and theirs', () => {
    // runuser 10 → postmaster 11 → backends 12, 13 → 13's worker 14; 20 and 21 are unrelated.
    const parents = new Map([
      [11, 10],
      [12, 11],
      [13, 11],
      [14, 13],
      [20, 1],
      [21, 20],
    ]);

    expect(descendantsOf(10, parents)).toEqual([11, 12, 13, 14]);
  });

  it('given a process with no children, or one not in the table, then there is none', () => {
    const parents = new Map([[11, 10]]);

    expect(descendantsOf(11, parents)).toEqual([]);
    expect(descendantsOf(99, parents)).toEqual([]);
  });

  it('given a table that loops (pids reused while it was read), then it still ends', () => {
    const parents = new Map([
      [11, 10],
      [10, 11],
    ]);

    expect(descendantsOf(10, parents)).toEqual([11]);
  });
});

describe('processParents', () => {
  it('given this very process, then its parent is the one Node reports', () => {
    expect(processParents().get(process.pid)).toBe(process.ppid);
  });
});

describe('processStat', () => {
  it('given this very process, then it is not a zombie and its parent is the one Node reports', () => {
    const stat = processStat(process.pid);

    expect(stat?.parent).toBe(process.ppid);
    expect(stat?.state).not.toBe('Z');
  });

  it('given a pid no process has, then there is no stat', () => {
    expect(processStat(2 ** 22 + 1)).toBeUndefined();
  });
});
