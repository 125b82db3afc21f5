import { ThreadVersions } from './thread-versions';

describe('thread versions delivered by this process', () => {
  it('given a thread never seen, when its first commit is accepted, then it may go at once', () => {
    const versions = new ThreadVersions();
    expect(versions.claim('app', 'c1', 0, 2)).toBe(true);
    expect(versions.claim('app', 'c1', 2, 3)).toBe(true);
  });

  it('given a thread never seen, when a later commit is accepted, then it waits for Kafka', () => {
    const versions = new ThreadVersions();
    expect(versions.claim('app', 'c1', 4, 5)).toBe(false);
    versions.advance('app', 'c1', 4);
    expect(versions.claim('app', 'c1', 4, 5)).toBe(true);
  });

  it('given an earlier event not delivered yet, when a commit after it is accepted, then it waits', () => {
    const versions = new ThreadVersions();
    versions.advance('app', 'c1', 3);
    // Version 4 (an agent's reply through another gateway) is still on its way.
    expect(versions.claim('app', 'c1', 4, 5)).toBe(false);
    versions.advance('app', 'c1', 4);
    versions.advance('app', 'c1', 5);
    expect(versions.claim('app', 'c1', 5, 6)).toBe(true);
  });

  it('given a commit delivered on accept, when Kafka brings it and older ones again, then nothing moves back', () => {
    const versions = new ThreadVersions();
    versions.advance('app', 'c1', 1);
    expect(versions.claim('app', 'c1', 1, 2)).toBe(true);
    versions.advance('app', 'c1', 1);
    versions.advance('app', 'c1', 2);
    expect(versions.claim('app', 'c1', 2, 3)).toBe(true);
    expect(versions.claim('app', 'c1', 2, 3)).toBe(false);
  });

  it('keeps threads apart by application and contact', () => {
    const versions = new ThreadVersions();
    versions.advance('app', 'c1', 7);
    expect(versions.claim('app', 'c2', 7, 8)).toBe(false);
    expect(versions.claim('other', 'c1', 7, 8)).toBe(false);
    expect(versions.claim('app', 'c1', 7, 8)).toBe(true);
  });

  it('given more threads than its bound, when another comes, then the least recent is forgotten', () => {
    const versions = new ThreadVersions(2);
    versions.advance('app', 'c1', 1);
    versions.advance('app', 'c2', 1);
    versions.advance('app', 'c1', 2);
    versions.advance('app', 'c3', 1);
    expect(versions.size).toBe(2);
    expect(versions.claim('app', 'c2', 1, 2)).toBe(false);
    expect(versions.claim('app', 'c1', 2, 3)).toBe(true);
  });
});
