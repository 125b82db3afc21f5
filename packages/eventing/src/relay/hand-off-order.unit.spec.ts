import type { KnownEvent } from '@threadline/contracts';
import { lastVersionOf, sortHandOffs } from './hand-off-order';
import type { PendingCommit } from './outbox.port';
import { LatestVersions } from './latest-versions';

const commit = (streamId: string, version: number, events = 1): PendingCommit => ({
  id: `${streamId}@${version}`,
  streamId,
  version,
  events: Array.from({ length: events }, () => ({}) as KnownEvent),
});
const ids = (commits: readonly PendingCommit[]) => commits.map((c) => c.id);

describe('commits handed over by appends', () => {
  it("given a stream's first commit, then it goes at once", () => {
    const { ready, waiting } = sortHandOffs([commit('s', 1, 2)], new LatestVersions());
    expect(ids(ready)).toEqual(['s@1']);
    expect(waiting).toEqual([]);
  });

  it('given the commit before it was sent by this relay, then it goes at once', () => {
    const sent = new LatestVersions();
    sent.advance('s', 4);
    expect(ids(sortHandOffs([commit('s', 5)], sent).ready)).toEqual(['s@5']);
  });

  it('given an earlier commit this relay never sent (another process wrote it), then it waits for the store pass', () => {
    const sent = new LatestVersions();
    sent.advance('s', 3);
    const { ready, waiting } = sortHandOffs([commit('s', 5), commit('s', 6)], sent);
    expect(ready).toEqual([]);
    expect(ids(waiting)).toEqual(['s@5', 's@6']);
  });

  it('given a chain of commits of one stream handed over out of order, then they go in stream order', () => {
    const { ready } = sortHandOffs(
      [commit('s', 4), commit('t', 1), commit('s', 1, 3)],
      new LatestVersions(),
    );
    expect(ids(ready)).toEqual(['s@1', 's@4', 't@1']);
  });

  it('given a commit the store pass already sent, then it is dropped', () => {
    const sent = new LatestVersions();
    sent.advance('s', 6);
    const { ready, waiting } = sortHandOffs([commit('s', 5, 2), commit('s', 7)], sent);
    expect(ids(ready)).toEqual(['s@7']);
    expect(waiting).toEqual([]);
  });

  it('knows the last version of a commit of several events', () => {
    expect(lastVersionOf(commit('s', 3, 4))).toBe(6);
  });
});

describe('versions sent per stream', () => {
  it('never moves back, and forgets the least recently sent stream past its bound', () => {
    const sent = new LatestVersions(2);
    sent.advance('a', 3);
    sent.advance('a', 2);
    sent.advance('b', 1);
    sent.advance('a', 4);
    sent.advance('c', 1);
    expect([sent.get('a'), sent.get('b'), sent.get('c')]).toEqual([4, undefined, 1]);
  });
});
