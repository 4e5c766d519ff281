import { useQueries, useQueryClient, type Query, type QueryClient } from '@tanstack/react-query';
import { useCallback, useEffect, useState } from 'react';
import { messageOf } from '../forms/errors';

/** Rows per request: a screenful or two, well under the contracts' 500. */
export const ROW_PAGE_SIZE = 200;
/** Pages are asked for once scrolling rests this long, so dragging the scrollbar across 100,000 rows asks for a few, not hundreds. */
const SETTLE_MS = 60;
/** Pages kept: a few screens either side of the visible rows. */
const MAX_CACHED_PAGES = 24;

export interface RowPages<T> {
  /** Rows that match, once the first page has answered. */
  total: number | null;
  error: string | null;
  /** The row at a position of the sorted list, or undefined while its page is on its way. */
  rowAt: (index: number) => T | undefined;
  /** Tells which rows are on screen; their pages are fetched. */
  showRange: (first: number, last: number) => void;
  retry: () => void;
}

export type LoadRows<T> = (offset: number, limit: number) => Promise<{ total: number; rows: readonly T[] }>;

interface Page<T> {
  total: number;
  rows: readonly T[];
}

/** ['rows', mark, visit, key, generation, page]: one cached page of one list, as one visit of the screen read it. */
type PageKey = readonly ['rows', string, number, string, number, number];

let visits = 0;
/** The list whose first page was asked for and not yet shown, by mark: read outside render only. */
const awaitingRows = new Map<string, string>();

function pageKeyOf(query: Query): PageKey {
  return query.queryKey as PageKey;
}

/** The page as the newest poll that has answered it: an older page is shown until the newer one arrives. */
function newestPage<T>(client: QueryClient, list: readonly unknown[], generation: number, page: number): Page<T> | undefined {
  let best: { generation: number; data: Page<T> } | undefined;
  for (const query of client.getQueryCache().findAll({ queryKey: list })) {
    const [, , , , gen, p] = pageKeyOf(query);
    const data = query.state.data as Page<T> | undefined;
    if (p !== page || data === undefined || gen > generation) continue;
    if (!best || gen > best.generation) best = { generation: gen, data };
  }
  return best?.data;
}

/**
 * A filtered, sorted list one page at a time, as the table scrolls: main filters, sorts and
 * pages; each page is a query keyed on the filter and sort (`key`), the poll it was read after
 * (`generation`) and its offset, so a page is asked for once and kept while the user scrolls
 * near it. Each visit of the screen reads afresh. `mark` names the performance marks of the
 * first page ("<mark>:request").
 */
export function useRowPages<T>(key: string, load: LoadRows<T>, generation: number, mark: string): RowPages<T> {
  const client = useQueryClient();
  const [visit] = useState(() => ++visits);
  const [range, setRange] = useState({ key, first: 0, last: 0 });
  // What is fetched lags the visible range until scrolling rests.
  const [settled, setSettled] = useState({ key, first: 0, last: 0 });
  const first = range.key === key ? range.first : 0;
  const last = range.key === key ? range.last : 0;

  useEffect(() => {
    const timer = window.setTimeout(() => setSettled({ key, first, last }), first === 0 ? 0 : SETTLE_MS);
    return () => window.clearTimeout(timer);
  }, [key, first, last]);

  const fetched = settled.key === key ? settled : { first: 0, last: 0 };
  const pagesToFetch: number[] = [];
  for (let page = Math.floor(fetched.first / ROW_PAGE_SIZE); page <= Math.floor(fetched.last / ROW_PAGE_SIZE); page++) pagesToFetch.push(page);

  const list = ['rows', mark, visit, key] as const;
  const results = useQueries({
    queries: pagesToFetch.map((page) => ({
      queryKey: [...list, generation, page] as const,
      queryFn: async (): Promise<Page<T>> => {
        if (page === 0) {
          // The bench (and the browser's performance panel) reads "from request to rows shown" from these marks.
          performance.mark(`${mark}:request`);
          awaitingRows.set(mark, key);
        }
        return load(page * ROW_PAGE_SIZE, ROW_PAGE_SIZE);
      },
      // Kept while scrolled away; trimmed below to the pages around the user.
      gcTime: Infinity,
    })),
  });
  const answered = results.map((result) => result.dataUpdatedAt).join(',');

  useEffect(() => {
    const cache = client.getQueryCache();
    const middle = Math.floor((first + last) / 2 / ROW_PAGE_SIZE);
    const kept: Query[] = [];
    for (const query of cache.findAll({ queryKey: ['rows', mark] })) {
      const [, , v, k, gen] = pageKeyOf(query);
      // Another visit, filter or sort, or a poll two behind: never shown again.
      if (v !== visit || k !== key || gen < generation - 1) {
        if (query.getObserversCount() === 0) cache.remove(query);
      } else if (query.state.data !== undefined) kept.push(query);
    }
    if (kept.length <= MAX_CACHED_PAGES) return;
    // Scrolling through 100,000 rows keeps only the pages around where the user is.
    kept.sort((a, b) => Math.abs(pageKeyOf(b)[5] - middle) - Math.abs(pageKeyOf(a)[5] - middle));
    for (const query of kept.slice(0, kept.length - MAX_CACHED_PAGES)) if (query.getObserversCount() === 0) cache.remove(query);
  }, [client, answered, mark, visit, key, generation, first, last]);

  const firstPage = newestPage<T>(client, list, generation, 0);
  const total = firstPage?.total ?? results.find((result) => result.data !== undefined)?.data?.total ?? null;
  useEffect(() => {
    if (firstPage === undefined || awaitingRows.get(mark) !== key) return;
    awaitingRows.delete(mark);
    performance.measure(`${mark}:rows-shown`, `${mark}:request`);
  }, [firstPage, key, mark]);

  const failed = results.find((result) => result.isError && !result.isFetching);
  const rowAt = useCallback(
    (index: number) => newestPage<T>(client, list, generation, Math.floor(index / ROW_PAGE_SIZE))?.rows[index % ROW_PAGE_SIZE],
    // The cache is read afresh whenever a page answers.
    // eslint-disable-next-line react-hooks/exhaustive-deps
    [client, mark, visit, key, generation, answered],
  );
  const showRange = useCallback(
    (nextFirst: number, nextLast: number) =>
      setRange((previous) =>
        previous.key === key && previous.first === nextFirst && previous.last === nextLast ? previous : { key, first: nextFirst, last: nextLast },
      ),
    [key],
  );
  const retry = useCallback(() => {
    void client.refetchQueries({ queryKey: ['rows', mark, visit, key, generation], predicate: (query) => query.state.status === 'error' });
  }, [client, mark, visit, key, generation]);

  return { total, error: failed ? messageOf(failed.error) : null, rowAt, showRange, retry };
}
