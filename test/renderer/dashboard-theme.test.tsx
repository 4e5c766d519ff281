// The dashboard's colours follow the system's colour scheme: each count's swatch takes the
// active theme's palette, in dark as in light, and switches when the user switches the scheme.
import { screen, waitFor, within } from '@testing-library/react';
import { webDarkTheme, webLightTheme, type Theme } from '@fluentui/react-components';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { polledCoreForFile } from './in-process-core';
import { renderScreen } from './render-screen';

/** A system colour scheme the test sets, told to the page as the browser tells a media-query listener. */
function systemScheme(initial: 'light' | 'dark') {
  let dark = initial === 'dark';
  const DARK = '(prefers-color-scheme: dark)';
  const listeners = new Set<(event: { matches: boolean; media: string }) => void>();
  const original = window.matchMedia;
  beforeEach(() => {
    dark = initial === 'dark';
    window.matchMedia = ((query: string) => ({
      get matches() {
        return query === DARK ? dark : false;
      },
      media: query,
      // Only the colour scheme changes here: other queries' listeners (reduced motion) are never told.
      addEventListener: (_: string, listener: (event: { matches: boolean; media: string }) => void) => {
        if (query === DARK) listeners.add(listener);
      },
      removeEventListener: (_: string, listener: (event: { matches: boolean; media: string }) => void) => listeners.delete(listener),
    })) as unknown as typeof window.matchMedia;
  });
  afterEach(() => {
    window.matchMedia = original;
    listeners.clear();
  });
  return (scheme: 'light' | 'dark') => {
    dark = scheme === 'dark';
    for (const listener of listeners) listener({ matches: dark, media: DARK });
  };
}

/** A colour as the DOM writes it back (jsdom turns #hex into rgb()). */
function cssColor(color: string): string {
  const probe = document.createElement('span');
  probe.style.backgroundColor = color;
  return probe.style.backgroundColor;
}

async function swatchOf(listName: string, label: string): Promise<string> {
  const list = await screen.findByRole('list', { name: listName }, { timeout: 10_000 });
  const link = within(list).getByRole('link', { name: new RegExp(`^${label} `) });
  return link.querySelector<HTMLElement>('[aria-hidden]')!.style.backgroundColor;
}

const expected = (theme: Theme) => ({
  pending: cssColor(theme.colorBrandBackground),
  high: cssColor(theme.colorPaletteRedForeground1),
});

describe('Dashboard colours', () => {
  const core = polledCoreForFile({ devices: 60, seed: 'dashboard-theme' });
  const switchTo = systemScheme('dark');

  it('takes the dark palette when the system is dark, and the light one once it switches', async () => {
    const dark = expected(webDarkTheme);
    const light = expected(webLightTheme);
    expect(dark.pending).not.toBe(light.pending);
    renderScreen(core().api, '/');
    expect(await swatchOf('Device counts by state', 'Pending')).toBe(dark.pending);
    expect(await swatchOf('Device counts by threat level', 'High')).toBe(dark.high);
    switchTo('light');
    await waitFor(async () => expect(await swatchOf('Device counts by state', 'Pending')).toBe(light.pending));
    expect(await swatchOf('Device counts by threat level', 'High')).toBe(light.high);
  });
});
