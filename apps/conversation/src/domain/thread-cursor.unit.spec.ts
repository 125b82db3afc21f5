import { cursorOf, isCursor, sentAtOfCursor } from './thread-cursor';

describe('thread cursor', () => {
  it('sorts as (sentAt, messageId), across digit counts', () => {
    const cursors = [
      cursorOf(1_000, 'b'),
      cursorOf(999, 'z'),
      cursorOf(1_000, 'a'),
      cursorOf(Date.parse('2026-11-23T10:00:00Z'), '019aaf00-0000-7000-8000-000000000001'),
    ];
    expect([...cursors].sort()).toEqual([cursors[1], cursors[2], cursors[0], cursors[3]]);
  });

  it('reads its time back and refuses what it did not make', () => {
    expect(sentAtOfCursor(cursorOf(1_795_428_000_000, 'm-1'))).toBe(1_795_428_000_000);
    expect(isCursor('0001795428000000_m-1')).toBe(true);
    expect(isCursor('1795428000000_m-1')).toBe(false);
    expect(isCursor('0001795428000000_m.1')).toBe(false);
    expect(sentAtOfCursor('nope')).toBeUndefined();
  });
});
