/** Pages of a long list: how many, and which to offer as links. Pure. */

export function pageCount(total: number, pageSize: number): number {
  return Math.max(1, Math.ceil(total / pageSize));
}

/** Rows to skip for a page. */
export function pageOffset(page: number, pageSize: number): number {
  return (Math.max(1, page) - 1) * pageSize;
}

export type PageLink = { page: number; search: string; current: boolean };

/**
 * The pages to offer: the first, the last, and two around the current one; `null` marks a gap
 * (shown « … »). `searchOf` gives each page's query string, so links keep the list's filters.
 */
export function pageLinks(current: number, total: number, pageSize: number, searchOf: (page: number) => string): (PageLink | null)[] {
  const last = pageCount(total, pageSize);
  if (last <= 1) return [];
  const at = Math.min(Math.max(1, current), last);
  const wanted = new Set([1, last, at - 2, at - 1, at, at + 1, at + 2].filter((p) => p >= 1 && p <= last));
  const pages = [...wanted].sort((a, b) => a - b);
  const links: (PageLink | null)[] = [];
  pages.forEach((page, i) => {
    if (i > 0 && page - pages[i - 1]! > 1) links.push(null);
    links.push({ page, search: searchOf(page), current: page === at });
  });
  return links;
}

/** The page asked for in the URL: a whole number from 1 to `max`, 1 otherwise. */
export function parsePage(value: string | null, max = 1000): number {
  const n = Number(value);
  return Number.isInteger(n) && n >= 1 ? Math.min(n, max) : 1;
}
