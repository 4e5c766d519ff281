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

/**
 * Decides whether the address may move from one path to another (unsaved edits ask first); false
 * puts the previous address back, so the screen and its edits stay.
 */
export type RouteGuard = (to: string, from: string) => boolean;

let guard: RouteGuard | null = null;
/** The hash the screens show: the address as last allowed by the guard. */
let shown: string | null = null;
const listeners = new Set<() => void>();

function shownHash(): string {
  shown ??= currentHash();
  return shown;
}

function onHashChange(): void {
  const next = currentHash();
  const previous = shownHash();
  if (next === previous) return;
  if (guard !== null && pathOf(next) !== pathOf(previous) && !guard(next, previous)) {
    const url = new URL(window.location.href);
    url.hash = `#${previous}`;
    window.location.replace(url.href);
    return;
  }
  shown = next;
  for (const listener of listeners) listener();
}

function subscribe(onChange: () => void): () => void {
  if (listeners.size === 0) {
    shown = currentHash();
    window.addEventListener('hashchange', onHashChange);
  }
  listeners.add(onChange);
  return () => {
    listeners.delete(onChange);
    if (listeners.size === 0) window.removeEventListener('hashchange', onHashChange);
  };
}

/** Installs the one guard of the address; returns its removal. */
export function setRouteGuard(next: RouteGuard): () => void {
  guard = next;
  return () => {
    if (guard === next) guard = null;
  };
}

/** The path of a hash ("/devices/abc?x=1" → "/devices/abc"). */
export function routePathOf(hash: string): string {
  return pathOf(hash);
}

/** The module path from the URL's hash (#/devices?…), without its query; hash routes work alike on app:// and in the browser host. */
export function useHashRoute(): string {
  return pathOf(useSyncExternalStore(subscribe, shownHash));
}

/** The query of the URL's hash (#/devices?state=disconnected → "state=disconnected"), so a filtered view has an address. */
export function useHashQuery(): string {
  return queryOf(useSyncExternalStore(subscribe, shownHash));
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
