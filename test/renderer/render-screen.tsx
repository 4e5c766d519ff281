// The one place that knows what wraps a screen: the app as main.tsx mounts it, over a given API,
// at a given address. When the app's providers change, this file follows them.
import { render, type RenderResult } from '@testing-library/react';
import userEvent, { type UserEvent } from '@testing-library/user-event';
import { StrictMode } from 'react';
import { afterEach, beforeEach } from 'vitest';
import type { Api } from '../../shared/ipc';
import { App } from '../../renderer/app/App';
import { AppProviders } from '../../renderer/app/AppProviders';

// jsdom has no ResizeObserver; Fluent's message bars and the virtualizer observe boxes whose size never changes here.
globalThis.ResizeObserver ??= class {
  observe(): void {}
  unobserve(): void {}
  disconnect(): void {}
};

/** What a virtual grid's box measures in the browser (VirtualGrid's 560 px): a screenful of 40 px rows. */
export const GRID_HEIGHT = 560;
const GRID_WIDTH = 1200;

/**
 * jsdom lays nothing out (every box is 0 × 0), so a virtualised table would render no rows: the
 * grids report the size they have in the browser, and scrollTo moves scrollTop as a browser does.
 */
export function stubLayout(): void {
  const isGrid = (element: Element): boolean => element.getAttribute('role') === 'grid';
  const restore: (() => void)[] = [];
  const stub = <K extends keyof HTMLElement>(name: K, value: (element: HTMLElement) => HTMLElement[K]) => {
    const original = Object.getOwnPropertyDescriptor(HTMLElement.prototype, name) ?? Object.getOwnPropertyDescriptor(Element.prototype, name);
    Object.defineProperty(HTMLElement.prototype, name, { configurable: true, get(this: HTMLElement) { return value(this); } });
    restore.push(() => (original ? Object.defineProperty(HTMLElement.prototype, name, original) : delete (HTMLElement.prototype as Partial<HTMLElement>)[name]));
  };
  beforeEach(() => {
    stub('clientHeight', (element) => (isGrid(element) ? GRID_HEIGHT : 0));
    stub('clientWidth', (element) => (isGrid(element) ? GRID_WIDTH : 0));
    stub('offsetHeight', (element) => (isGrid(element) ? GRID_HEIGHT : 0));
    const scrollTo = Element.prototype.scrollTo as Element['scrollTo'] | undefined;
    Element.prototype.scrollTo = function (this: Element, ...args: [ScrollToOptions?] | [number, number]) {
      const top = typeof args[0] === 'number' ? args[1] : args[0]?.top;
      if (top !== undefined) scrollElement(this, top);
    } as Element['scrollTo'];
    restore.push(() => {
      if (scrollTo) Element.prototype.scrollTo = scrollTo;
      else delete (Element.prototype as Partial<Element>).scrollTo;
    });
  });
  afterEach(() => {
    for (const undo of restore.splice(0).reverse()) undo();
  });
}

/** Scrolls a box to a position and tells its listeners, as the browser does when the user scrolls. */
export function scrollElement(element: Element, top: number): void {
  element.scrollTop = top;
  element.dispatchEvent(new Event('scroll'));
}

export interface RenderedScreen extends RenderResult {
  user: UserEvent;
}

/** The console at `path` (e.g. "/devices?state=active"), its calls answered by `api`, with a data cache of its own. */
export function renderScreen(api: Api, path: string): RenderedScreen {
  window.location.hash = `#${path}`;
  const user = userEvent.setup();
  const result = render(
    <StrictMode>
      <AppProviders api={api}>
        <App />
      </AppProviders>
    </StrictMode>,
  );
  return { ...result, user };
}
