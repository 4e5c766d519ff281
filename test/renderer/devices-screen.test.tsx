// The Devices screen against the real core and engine: a filter changes the rows to the ones
// main lists for it, and scrolling the virtual grid loads the later pages from main.
import { screen, waitFor, within } from '@testing-library/react';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { DeviceFilter, DevicePageRequest, DeviceRow } from '../../shared/ipc';
import { ROW_PAGE_SIZE } from '../../renderer/tables/use-row-pages';
import { polledCoreForFile, startInProcessCore, type InProcessCore } from './in-process-core';
import { renderScreen, scrollElement, stubLayout } from './render-screen';

const BY_NAME = { column: 'deviceName', direction: 'asc' } as const;
const ROW_HEIGHT = 40;

/** The body rows the grid shows, by their place in the list (aria-rowindex counts the header as 1), with the device name cell's text. */
function shownRows(grid: HTMLElement): Map<number, string> {
  const rows = [...grid.querySelectorAll('[role="row"]')].filter((row) => Number(row.getAttribute('aria-rowindex')) > 1);
  return new Map(rows.map((row) => [Number(row.getAttribute('aria-rowindex')) - 2, row.querySelector('[role="gridcell"]')?.textContent ?? '']));
}

const nameOf = (device: DeviceRow): string => device.deviceName ?? 'Unnamed device';
const totalText = (count: number): string => (count === 1 ? '1 device' : `${count.toLocaleString('en')} devices`);

describe('Devices screen', () => {
  const core = polledCoreForFile({ devices: 500, seed: 'devices-screen' });
  const page = (filter: DeviceFilter, offset = 0, limit = ROW_PAGE_SIZE) => core().call['devices.page']({ filter, sort: BY_NAME, offset, limit });
  stubLayout();


  it('shows the total main counts and the first screenful of rows in main\'s order', async () => {
    const { total, rows } = await page({});
    expect(total).toBeGreaterThan(2 * ROW_PAGE_SIZE);
    renderScreen(core().api, '/devices');
    const grid = await screen.findByRole('grid', { name: 'Devices' });
    await screen.findByText(totalText(total));
    await waitFor(() => expect(shownRows(grid).get(0)).toBe(nameOf(rows[0]!)));
    const shown = shownRows(grid);
    expect(shown.size).toBeGreaterThanOrEqual(560 / ROW_HEIGHT - 1);
    for (const [index, name] of shown) expect(name, `row ${index}`).toBe(nameOf(rows[index]!));
  });

  it('narrows the rows to the devices of the state picked in the State filter, and puts it in the address', async () => {
    const all = await page({});
    const pending = await page({ states: ['pending'] });
    expect(pending.total).toBeGreaterThan(0);
    expect(pending.total).toBeLessThan(all.total);
    const { user } = renderScreen(core().api, '/devices');
    await screen.findByRole('grid', { name: 'Devices' });
    await user.click(screen.getByRole('combobox', { name: 'State' }));
    // A multi-select Fluent dropdown lists its values as a menu of checkboxes.
    await user.click(await screen.findByRole('menuitemcheckbox', { name: 'Pending' }));
    // A new filter is a new grid (DeviceTable is keyed by it).
    const grid = await screen.findByRole('grid', { name: 'Devices' });
    await screen.findByText(totalText(pending.total));
    expect(window.location.hash).toBe('#/devices?state=pending');
    await waitFor(() => expect(shownRows(grid).get(0)).toBe(nameOf(pending.rows[0]!)));
    for (const [index, name] of shownRows(grid)) expect(name, `row ${index}`).toBe(nameOf(pending.rows[index]!));
    for (const row of within(grid).getAllByRole('row').slice(1)) expect(within(row).getByText('Pending')).toBeTruthy();
  });

  it('lists what the search matches after the pause, and says so when nothing matches', async () => {
    const { rows } = await page({});
    const wanted = nameOf(rows[7]!);
    const matching = await page({ search: wanted });
    const { user } = renderScreen(core().api, '/devices');
    await screen.findByRole('grid', { name: 'Devices' });
    await user.click(screen.getByRole('searchbox', { name: 'Search devices' }));
    await user.paste(wanted);
    await screen.findByText(totalText(matching.total));
    const grid = screen.getByRole('grid', { name: 'Devices' });
    expect(new Set(shownRows(grid).values())).toContain(wanted);
    expect(shownRows(grid).size).toBe(matching.total);
    await user.clear(screen.getByRole('searchbox', { name: 'Search devices' }));
    await user.paste('no-such-device-anywhere');
    expect(await screen.findByText('No device matches these filters.')).toBeTruthy();
    expect(screen.queryByRole('grid', { name: 'Devices' })).toBeNull();
  });

  it('loads a later page from main when the grid scrolls down to it', async () => {
    const target = ROW_PAGE_SIZE + 50;
    const later = await page({}, ROW_PAGE_SIZE, ROW_PAGE_SIZE);
    core().calls.delete('devices.page');
    renderScreen(core().api, '/devices');
    const grid = await screen.findByRole('grid', { name: 'Devices' });
    await waitFor(() => expect(shownRows(grid).size).toBeGreaterThan(0));
    expect((core().calls.get('devices.page') as DevicePageRequest[]).map((request) => request.offset)).toEqual([0]);
    scrollElement(grid, target * ROW_HEIGHT);
    await waitFor(() => expect(shownRows(grid).get(target)).toBe(nameOf(later.rows[target - ROW_PAGE_SIZE]!)));
    expect((core().calls.get('devices.page') as DevicePageRequest[]).map((request) => request.offset)).toEqual([0, ROW_PAGE_SIZE]);
    for (const [index, name] of shownRows(grid)) if (index >= ROW_PAGE_SIZE) expect(name, `row ${index}`).toBe(nameOf(later.rows[index - ROW_PAGE_SIZE]!));
  });

  it('opens a filtered address as the same list, and Clear filters lists every device again', async () => {
    const android = await page({ platforms: ['Android'], threatLevels: ['high'] });
    const all = await page({});
    const { user } = renderScreen(core().api, '/devices?platform=Android&threat=high');
    await screen.findByText(totalText(android.total));
    await user.click(screen.getByRole('button', { name: 'Clear filters' }));
    await screen.findByText(totalText(all.total));
    expect(window.location.hash).toBe('#/devices');
    expect(screen.getByRole('button', { name: 'Clear filters' }).hasAttribute('disabled')).toBe(true);
  });
});

describe('Devices screen before a connector', () => {
  let app: InProcessCore;
  beforeAll(async () => {
    app = startInProcessCore({ engine: false });
    await app.signIn();
  });
  afterAll(() => app.close());

  it('says no devices are enrolled yet, and shows no table', async () => {
    renderScreen(app.api, '/devices');
    expect(await screen.findByText('No devices are enrolled. Devices appear here after the first poll of the enrollment groups.')).toBeTruthy();
    expect(screen.queryByRole('grid')).toBeNull();
    expect(app.calls.has('devices.page')).toBe(false);
  });
});
