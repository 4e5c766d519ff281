import { useCallback, useEffect, useRef, useState } from 'react';
import { messageOf } from '../forms/errors';

/** Rows per request: a screenful or two, well under the contracts' 500. */
export const ROW_PAGE_SIZE = 200;
/** Pages are asked for once scrolling rests this long, so dragging the scrollbar across 100,000 rows asks for a few, not hundreds. */
const SETTLE_MS = 60;
/** Pages kept: a few screens either side of the visible rows. */
const MAX_CACHED_PAGES = 24;

interface CachedPage<T> {
  rows: readonly T[];
  /** The poll the page was read after: an older page is shown until the newer one arrives. */
  generation: number;
}

interface Cache<T> {
  /** The filter and sort the pages answer. */
  key: string;
  total: number | null;
  /** The poll the total was read after. */
  totalGeneration?: number;
  pages: ReadonlyMap<number, CachedPage<T>>;
  error: string | null;
}

const emptyCache = <T>(key: string): Cache<T> => ({ key, total: null, pages: new Map(), error: null });

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

/**
 * A filtered, sorted list one page at a time, as the table scrolls: main filters, sorts and
 * pages; the renderer keeps the pages it has seen (by offset) until `key` (the filter and the
 * sort) changes, and reads the visible ones again after each poll (`generation`). `load` reads
 * one page for `key`; `mark` names the performance marks of the first page ("<mark>:request").
 */
export function useRowPages<T>(key: string, load: LoadRows<T>, generation: number, mark: string): RowPages<T> {
  const [cache, setCache] = useState<Cache<T>>(() => emptyCache(key));
  const [range, setRange] = useState({ key, first: 0, last: 0 });
  const [attempt, setAttempt] = useState(0);
  const latestKey = useRef(key);
  /** Pages asked for (or answered) per key, generation and attempt: each is asked for once. */
  const requested = useRef(new Set<string>());
  const awaitingRows = useRef<string | null>(null);
  const latestGeneration = useRef(generation);
  const shown = useRef({ first: 0, last: 0 });
  const current = cache.key === key ? cache : emptyCache<T>(key);
  // A new filter starts at the top, whatever the old list's scroll position said.
  const first = range.key === key ? range.first : 0;
  const last = range.key === key ? range.last : 0;
  useEffect(() => {
    shown.current = { first, last };
  }, [first, last]);

  useEffect(() => {
    if (latestKey.current !== key || latestGeneration.current !== generation) {
      // Requests from another filter, sort or poll are never asked for again: forget them.
      latestKey.current = key;
      latestGeneration.current = generation;
      requested.current.clear();
    }
    const firstPage = Math.floor(first / ROW_PAGE_SIZE);
    const lastPage = Math.floor(last / ROW_PAGE_SIZE);
    const fetchPage = (page: number) => {
      const id = `${key}|${generation}|${attempt}|${page}`;
      if (requested.current.has(id)) return;
      requested.current.add(id);
      if (page === 0) {
        // The bench (and the browser's performance panel) reads "from request to rows shown" from these marks.
        performance.mark(`${mark}:request`);
        awaitingRows.current = key;
      }
      load(page * ROW_PAGE_SIZE, ROW_PAGE_SIZE).then(
        (answer) => {
          if (latestKey.current !== key) return;
          setCache((previous) => {
            const base = previous.key === key ? previous : emptyCache<T>(key);
            const cached = base.pages.get(page);
            if (cached && cached.generation > generation) return base;
            const pages = new Map(base.pages);
            pages.set(page, { rows: answer.rows, generation });
            // Scrolling through 100,000 rows keeps only the pages around where the user is.
            if (pages.size > MAX_CACHED_PAGES) {
              const middle = Math.floor((shown.current.first + shown.current.last) / 2 / ROW_PAGE_SIZE);
              const farthest = [...pages.keys()].sort((a, b) => Math.abs(b - middle) - Math.abs(a - middle)).slice(0, pages.size - MAX_CACHED_PAGES);
              for (const stale of farthest) {
                pages.delete(stale);
                // Dropped pages may be asked for again when the user scrolls back.
                for (const id of requested.current) if (id.startsWith(`${key}|`) && id.endsWith(`|${stale}`)) requested.current.delete(id);
              }
            }
            // A total read after an earlier poll never replaces one read after a later poll.
            const total = base.total !== null && (base.totalGeneration ?? -1) > generation ? base.total : answer.total;
            return { key, total, totalGeneration: Math.max(base.totalGeneration ?? -1, generation), pages, error: null };
          });
        },
        (failure: unknown) => {
          requested.current.delete(id);
          if (latestKey.current !== key) return;
          setCache((previous) => ({ ...(previous.key === key ? previous : emptyCache<T>(key)), error: messageOf(failure) }));
        },
      );
    };
    const timer = window.setTimeout(
      () => {
        for (let page = firstPage; page <= lastPage; page++) fetchPage(page);
      },
      first === 0 ? 0 : SETTLE_MS,
    );
    return () => window.clearTimeout(timer);
  }, [load, key, generation, attempt, first, last, mark]);

  const showRange = useCallback(
    (nextFirst: number, nextLast: number) =>
      setRange((previous) =>
        previous.key === key && previous.first === nextFirst && previous.last === nextLast ? previous : { key, first: nextFirst, last: nextLast },
      ),
    [key],
  );
  const { pages } = current;
  const firstRows = pages.get(0);
  useEffect(() => {
    if (firstRows === undefined || awaitingRows.current !== key) return;
    awaitingRows.current = null;
    performance.measure(`${mark}:rows-shown`, `${mark}:request`);
  }, [firstRows, key, mark]);
  const rowAt = useCallback((index: number) => pages.get(Math.floor(index / ROW_PAGE_SIZE))?.rows[index % ROW_PAGE_SIZE], [pages]);
  const retry = useCallback(() => {
    setCache((previous) => ({ ...previous, error: null }));
    setAttempt((n) => n + 1);
  }, []);

  return { total: current.total, error: current.error, rowAt, showRange, retry };
}
