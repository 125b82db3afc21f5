/**
 * Cursor paging with a way back: the cursors of the pages visited so far. The first page has no
 * cursor; "next" pushes the page's `nextCursor`, "previous" pops.
 */
export interface PageCursors {
  readonly stack: readonly (string | undefined)[];
}

export const firstPage: PageCursors = { stack: [undefined] };

export function currentCursor(pages: PageCursors): string | undefined {
  return pages.stack[pages.stack.length - 1];
}

export function nextPage(pages: PageCursors, nextCursor: string): PageCursors {
  return { stack: [...pages.stack, nextCursor] };
}

export function previousPage(pages: PageCursors): PageCursors {
  return pages.stack.length > 1 ? { stack: pages.stack.slice(0, -1) } : pages;
}

export function pageNumber(pages: PageCursors): number {
  return pages.stack.length;
}
