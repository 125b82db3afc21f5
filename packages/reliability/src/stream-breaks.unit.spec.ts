import { streamBreaks } from './stream-breaks';

const commit = (streamId: string, version: number, lastVersion = version) => ({
  streamId,
  version,
  lastVersion,
});

describe('streamBreaks', () => {
  it('given streams whose commits follow on, in any order read, then none is named', () => {
    const commits = [commit('a', 3), commit('b', 1, 2), commit('a', 1, 2), commit('b', 3)];

    expect(streamBreaks(commits)).toEqual([]);
  });

  it('given a commit missing between two (acknowledged, never stored), then its stream is named with the gap', () => {
    const commits = [commit('a', 1), commit('a', 2), commit('a', 4), commit('b', 1)];

    expect(streamBreaks(commits)).toEqual(['a: after version 2 comes a commit at 4']);
  });

  it('given a stream that does not start at version 1, or commits that overlap, then each is named', () => {
    const commits = [commit('a', 2), commit('b', 1, 3), commit('b', 3)];

    expect(streamBreaks(commits)).toEqual([
      'a: after version 0 comes a commit at 2',
      'b: after version 3 comes a commit at 3',
    ]);
  });

  it('given no commits, then nothing is named', () => {
    expect(streamBreaks([])).toEqual([]);
  });
});
