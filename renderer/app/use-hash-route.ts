import { useSyncExternalStore } from 'react';
import { DEFAULT_PATH } from './modules';

/** The hash without '#': "/devices?state=disconnected"; the default module's path when empty. */
function currentHash(): string {
  const hash = window.location.hash.replace(/^#/, '');
  return hash === '' || hash === '/' ? DEFAULT_PATH : hash;
}

function pathOf(hash: string): string {
  const query = hash.indexOf('?');
  return query === -1 ? hash : hash.slice(0, query);
}

function queryOf(hash: string): string {
  const query = hash.indexOf('?');
  return query === -1 ? '' : hash.slice(query + 1);
}

function subscribe(onChange: () => void): () => void {
  window.addEventListener('hashchange', onChange);
  return () => window.removeEventListener('hashchange', onChange);
}

/** The module path from the URL's hash (#/devices?…), without its query; hash routes work alike on app:// and in the browser host. */
export function useHashRoute(): string {
  return pathOf(useSyncExternalStore(subscribe, currentHash));
}

/** The query of the URL's hash (#/devices?state=disconnected → "state=disconnected"), so a filtered view has an address. */
export function useHashQuery(): string {
  return queryOf(useSyncExternalStore(subscribe, currentHash));
}

export function hrefFor(path: string, query?: URLSearchParams): string {
  const search = query?.toString() ?? '';
  return search === '' ? `#${path}` : `#${path}?${search}`;
}

/** Goes to a path (and query) as a link does: a new history entry, so Back returns. */
export function navigateTo(path: string, query?: URLSearchParams): void {
  window.location.hash = hrefFor(path, query).slice(1);
}

/** Changes the current address in place (a filter edited on screen): no history entry per keystroke. */
export function replaceRoute(path: string, query?: URLSearchParams): void {
  const url = new URL(window.location.href);
  url.hash = hrefFor(path, query);
  if (url.href !== window.location.href) window.location.replace(url.href);
}
