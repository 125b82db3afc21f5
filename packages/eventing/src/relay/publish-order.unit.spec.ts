import type { CommitRef } from './outbox.port';
import { blockingBounds, publishableInOrder } from './publish-order';

const commit = (streamId: string, version: number, id = `${streamId}@${version}`): CommitRef => ({
  id,
  streamId,
  version,
});
const names = (commits: CommitRef[]) => commits.map((c) => c.id);

describe('the per-stream order of a relay batch', () => {
  it('given commits fetched oldest first, when nothing else is unpublished, then all go out sorted by stream and version', () => {
    const batch = [commit('b', 4), commit('a', 1), commit('b', 2), commit('a', 3)];

    expect(names(publishableInOrder(batch, []))).toEqual(['a@1', 'a@3', 'b@2', 'b@4']);
  });

  it('given a stream whose earlier commit is unpublished outside the batch, then none of its later commits go out', () => {
    const batch = [commit('a', 5), commit('a', 7), commit('b', 1)];
    const unpublished = [commit('a', 3)];

    expect(names(publishableInOrder(batch, unpublished))).toEqual(['b@1']);
  });

  it('given a gap in the middle of a stream, then only the commits before it go out', () => {
    const batch = [commit('a', 1), commit('a', 4), commit('a', 6)];
    const unpublished = [commit('a', 5)];

    expect(names(publishableInOrder(batch, unpublished))).toEqual(['a@1', 'a@4']);
  });

  it('ignores unpublished commits that are in the batch itself', () => {
    const batch = [commit('a', 2), commit('a', 1)];

    expect(names(publishableInOrder(batch, [commit('a', 1)]))).toEqual(['a@1', 'a@2']);
  });

  it('sorts stream ids by code unit, not by locale', () => {
    const batch = [commit('b', 1), commit('B', 1), commit('a', 1)];

    expect(names(publishableInOrder(batch, []))).toEqual(['B@1', 'a@1', 'b@1']);
  });

  it('does not reorder the input array', () => {
    const batch = [commit('b', 1), commit('a', 1)];
    publishableInOrder(batch, []);

    expect(names(batch)).toEqual(['b@1', 'a@1']);
  });

  it('asks about earlier commits below the highest version of each stream in the batch', () => {
    const batch = [commit('a', 1), commit('b', 9), commit('a', 3)];

    expect(blockingBounds(batch)).toEqual([
      { streamId: 'a', version: 3 },
      { streamId: 'b', version: 9 },
    ]);
  });
});
