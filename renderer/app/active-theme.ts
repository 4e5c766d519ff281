// The Fluent theme the console shows: the system's light or dark scheme, followed live. Screens
// that paint outside Fluent's CSS variables (chart SVG fills) read it here.
import { webDarkTheme, webLightTheme, type Theme } from '@fluentui/react-components';
import { createContext, useContext, useSyncExternalStore } from 'react';

const DARK_QUERY = '(prefers-color-scheme: dark)';

function darkSchemeQuery(): MediaQueryList | null {
  return typeof window.matchMedia === 'function' ? window.matchMedia(DARK_QUERY) : null;
}

function subscribe(onChange: () => void): () => void {
  const query = darkSchemeQuery();
  query?.addEventListener('change', onChange);
  return () => query?.removeEventListener('change', onChange);
}

/** The theme for the system's colour scheme, updated when the user switches it. */
export function useSystemTheme(): Theme {
  const dark = useSyncExternalStore(subscribe, () => darkSchemeQuery()?.matches ?? false);
  return dark ? webDarkTheme : webLightTheme;
}

export const ActiveThemeContext = createContext<Theme>(webLightTheme);

export function useActiveTheme(): Theme {
  return useContext(ActiveThemeContext);
}
