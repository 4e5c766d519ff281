import { useSyncExternalStore } from 'react';
import { DEFAULT_PATH } from './modules';

function currentPath(): string {
  const hash = window.location.hash.replace(/^#/, '');
  return hash === '' || hash === '/' ? DEFAULT_PATH : hash;
}

function subscribe(onChange: () => void): () => void {
  window.addEventListener('hashchange', onChange);
  return () => window.removeEventListener('hashchange', onChange);
}

/** The module path from the URL's hash (#/devices); hash routes work alike on app:// and in the browser host. */
export function useHashRoute(): string {
  return useSyncExternalStore(subscribe, currentPath);
}

export function hrefFor(path: string): string {
  return `#${path}`;
}
