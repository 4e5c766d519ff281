// The Threats screen against the real core and engine: the open threats as main counts them,
// a risk level picked narrowing the rows to main's, and a row opening its device.
import { screen, waitFor, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import type { ThreatFilter } from '../../shared/ipc';
import { DEFAULT_THREAT_SORT } from '../../renderer/modules/threats/threat-query';
import { polledCoreForFile } from './in-process-core';
import { renderScreen, stubLayout } from './render-screen';

const totalText = (count: number): string => (count === 1 ? '1 threat' : `${count.toLocaleString('en')} threats`);

/** The body rows of the grid (aria-rowindex counts the header as 1). */
const bodyRows = (grid: HTMLElement): HTMLElement[] => [...grid.querySelectorAll<HTMLElement>('[role="row"]')].filter((row) => Number(row.getAttribute('aria-rowindex')) > 1);

describe('Threats screen', () => {
  const core = polledCoreForFile({ devices: 400, seed: 'threats-screen' });
  const page = (filter: ThreatFilter) => core().call['threats.page']({ filter, sort: DEFAULT_THREAT_SORT, offset: 0, limit: 200 });
  stubLayout();


  it('lists the open threats as main counts them, newest first', async () => {
    const open = await page({ statuses: ['open'] });
    expect(open.total).toBeGreaterThan(0);
    renderScreen(core().api, '/threats');
    expect(await screen.findByText(totalText(open.total))).toBeTruthy();
    const grid = screen.getByRole('grid', { name: 'Threats' });
    await waitFor(() => expect(bodyRows(grid)[0]?.textContent).toContain(open.rows[0]!.type));
  });

  it('narrows the rows to the risk level picked, each row showing it, and puts it in the address', async () => {
    const all = await page({ statuses: ['open'] });
    const high = await page({ statuses: ['open'], levels: ['High'] });
    expect(high.total).toBeGreaterThan(0);
    expect(high.total).toBeLessThan(all.total);
    const { user } = renderScreen(core().api, '/threats');
    await screen.findByText(totalText(all.total));
    await user.click(screen.getByRole('combobox', { name: 'Risk level' }));
    await user.click(await screen.findByRole('menuitemcheckbox', { name: 'High' }));
    expect(await screen.findByText(totalText(high.total))).toBeTruthy();
    expect(window.location.hash).toBe('#/threats?level=High');
    const grid = screen.getByRole('grid', { name: 'Threats' });
    await waitFor(() => expect(within(bodyRows(grid)[0]!).queryByText('High')).not.toBeNull());
    for (const row of bodyRows(grid)) if (row.textContent !== '') expect(within(row).getByText('High')).toBeTruthy();
  });

  it("opens a threat's device at the device's own address", async () => {
    const open = await page({ statuses: ['open'] });
    const linked = open.rows.findIndex((threat) => threat.deviceId !== null && threat.deviceName !== null);
    expect(linked).toBeGreaterThanOrEqual(0);
    const threat = open.rows[linked]!;
    const { user } = renderScreen(core().api, '/threats');
    const grid = await screen.findByRole('grid', { name: 'Threats' });
    await waitFor(() => expect(bodyRows(grid)[linked]?.textContent).toContain(threat.type));
    await user.click(bodyRows(grid)[linked]!);
    await waitFor(() => expect(window.location.hash).toBe(`#/devices/${encodeURIComponent(threat.deviceId!)}`));
    expect(await screen.findByRole('heading', { level: 1, name: 'Devices' })).toBeTruthy();
    expect(await screen.findByRole('heading', { level: 2, name: threat.deviceName! })).toBeTruthy();
  });
});
