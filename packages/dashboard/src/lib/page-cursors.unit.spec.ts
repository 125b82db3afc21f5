import { currentCursor, firstPage, nextPage, pageNumber, previousPage } from './page-cursors';

describe('page cursors', () => {
  it('goes forward with each next cursor and back the same way', () => {
    const second = nextPage(firstPage, 'c2');
    const third = nextPage(second, 'c3');
    expect([currentCursor(firstPage), currentCursor(second), currentCursor(third)]).toEqual([
      undefined,
      'c2',
      'c3',
    ]);
    expect(pageNumber(third)).toBe(3);
    expect(previousPage(third)).toEqual(second);
    expect(currentCursor(previousPage(second))).toBeUndefined();
  });

  it('stays on the first page when going back from it', () => {
    expect(previousPage(firstPage)).toBe(firstPage);
  });
});
