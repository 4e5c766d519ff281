// Threats as a new user meets it: the open threats across devices, filtered by risk level and
// classification, sorted, each row opening its device, with the notice that the MTD service
// owns a threat's status; the counts are main's answers for the same filter.
import type { Page } from '@playwright/test';
import type { Core } from '../../electron/core/core';
import type { ThreatFilter, ThreatOptions, ThreatPage, ThreatSort } from '../../shared/ipc';
import { openModule } from './configuration-helpers';
import { advance, connectorAndFirstPoll, setSpeed } from './dashboard-helpers';
import { expect, test } from './fixtures';

const ADMIN = { role: 'full', user: { id: 'e2e-reference', displayName: 'Reference' } } as const;
const DEFAULT_SORT: ThreatSort = { column: 'detectedAt', direction: 'desc' };

/** Main's own answer for a filter: the reference the screen is compared with. */
async function mainPage(core: Core, filter: ThreatFilter, sort: ThreatSort = DEFAULT_SORT): Promise<ThreatPage> {
  const envelope = (await core.dispatcher.dispatch('threats.page', { filter, sort, offset: 0, limit: 20 }, ADMIN)) as { ok: boolean; result: ThreatPage };
  expect(envelope.ok).toBe(true);
  return envelope.result;
}

const totalText = (count: number) => (count === 1 ? '1 threat' : `${count.toLocaleString('en-US')} threats`);
const grid = (page: Page) => page.getByRole('grid', { name: 'Threats' });
const rows = (page: Page) => grid(page).getByRole('row').filter({ has: page.getByRole('gridcell') });
const total = (page: Page) => page.getByRole('status').filter({ hasText: /threats?$/ });

async function choose(page: Page, filter: string, option: string): Promise<void> {
  await page.getByRole('combobox', { name: filter }).click();
  // A multiple-choice filter lists checkable items.
  await page.getByRole('menuitemcheckbox', { name: option, exact: true }).click();
  await page.keyboard.press('Escape');
}

test.describe('Threats', () => {
  test('lists the open threats across devices, filters and sorts them as main does, and opens a device', async ({ openConsole, page, core }) => {
    test.setTimeout(120_000);
    await connectorAndFirstPoll(page, openConsole);
    // The demo clock stands still after a week of threats and one poll at that moment.
    await setSpeed(page, 'Paused');
    await advance(page, 'Advance 7 days');
    await expect.poll(async () => (await mainPage(core, { statuses: ['open'] })).total, { timeout: 30_000 }).toBeGreaterThan(0);
    await openModule(page, 'Threats');
    await expect(page.getByText(/A threat's status is owned by the MTD service/)).toBeVisible();
    const openTotal = (await mainPage(core, { statuses: ['open'] })).total;
    await expect(total(page)).toHaveText(totalText(openTotal));
    await expect(grid(page)).toHaveAttribute('aria-rowcount', String(openTotal + 1));
    await expect(page.getByRole('combobox', { name: 'Status' })).toHaveText('Open');

    // Risk level: High, in the address too; every row shown is High.
    await choose(page, 'Risk level', 'High');
    const high = await mainPage(core, { statuses: ['open'], levels: ['High'] });
    await expect(total(page)).toHaveText(totalText(high.total));
    await expect(page).toHaveURL(/#\/threats\?level=High$/);
    if (high.total > 0) {
      await expect(rows(page).first()).toBeVisible();
      for (const cell of await rows(page).locator('[role="gridcell"]:nth-child(2)').allInnerTexts()) expect(cell).toBe('High');
    }
    await page.getByRole('button', { name: 'Clear filters' }).click();
    await expect(total(page)).toHaveText(totalText(openTotal));

    // Classification: the first the filter offers.
    const options = (await core.dispatcher.dispatch('threats.options', undefined, ADMIN)) as { result: ThreatOptions };
    const classification = options.result.classifications[0]!;
    await choose(page, 'Classification', classification);
    const classified = await mainPage(core, { statuses: ['open'], classifications: [classification] });
    await expect(total(page)).toHaveText(totalText(classified.total));
    await page.getByRole('button', { name: 'Clear filters' }).click();

    // Every status: more than the open ones, or as many.
    await choose(page, 'Status', 'Open');
    await expect(page).toHaveURL(/status=all/);
    await expect(total(page)).toHaveText(totalText((await mainPage(core, {})).total));
    await page.getByRole('button', { name: 'Clear filters' }).click();

    // Sorted by device, ascending: main's order, first row first.
    const header = grid(page).getByRole('columnheader', { name: 'Device' });
    await expect(grid(page).getByRole('columnheader', { name: 'Detected' })).toHaveAttribute('aria-sort', 'descending');
    await header.getByRole('button').click();
    await expect(header).toHaveAttribute('aria-sort', 'ascending');
    const byDevice = await mainPage(core, { statuses: ['open'] }, { column: 'deviceName', direction: 'asc' });
    await expect(rows(page).first().locator('[role="gridcell"]:nth-child(6)')).toHaveText(byDevice.rows[0]!.deviceName ?? 'Not linked to an Intune device');

    // A row opens its device, at the device's own address (a threat of an agent Intune does not list has none).
    const index = byDevice.rows.findIndex((row) => row.deviceId !== null && row.deviceName !== null);
    expect(index).toBeGreaterThanOrEqual(0);
    const linked = byDevice.rows[index]!;
    await grid(page).locator(`[role="row"][aria-rowindex="${index + 2}"]`).click();
    await expect(page).toHaveURL(new RegExp(`#/devices/${encodeURIComponent(linked.deviceId!)}$`));
    await expect(page.getByRole('dialog')).toContainText(linked.deviceName!);
  });

  test('is open to a Restricted member, and before a connector says there are no threats', async ({ openConsole, page }) => {
    await openConsole('', { as: 'restricted' });
    await openModule(page, 'Threats');
    await expect(page.getByText(/No open threats/)).toBeVisible();
  });

  test('keeps an edited address to values main accepts', async ({ openConsole, page }) => {
    test.setTimeout(90_000);
    await connectorAndFirstPoll(page, openConsole);
    await page.goto(page.url().replace(/#.*$/, "#/threats?level=Severe&class=<script>&age=older&dir=sideways"));
    await expect(page.getByRole('heading', { level: 1, name: 'Threats' })).toBeVisible();
    await expect(page.getByRole('combobox', { name: 'Detected' })).toHaveText('Over 30 days ago');
    await expect(page.getByRole('combobox', { name: 'Risk level' })).toHaveText('All');
    await expect(total(page)).toHaveText(/threats?$/);
    await expect(page.getByRole('alert')).toHaveCount(0);
  });
});
