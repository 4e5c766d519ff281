// Devices as a new user meets it: every listed device of the demo tenant, filtered, searched and
// sorted by main one page at a time; the CSV of a filter holds exactly its rows; a device opens
// from the mouse or the keyboard with its state history and its threats.
import fs from 'node:fs';
import type { Page } from '@playwright/test';
import { openModule } from './configuration-helpers';
import { advance, connectorAndFirstPoll, countsIn, deviceGrid, deviceRows, devicesTotal, setSpeed, totalText, truthRows } from './dashboard-helpers';
import { expect, test } from './fixtures';

/** From the Dashboard (after the first poll): the demo clock paused and one poll at that moment, so the tenant's truth holds still. */
async function holdTheClock(page: Page): Promise<number> {
  await setSpeed(page, 'Paused');
  await advance(page, 'Advance 1 hour');
  const text = await page.getByRole('link', { name: /^Unsupported, not enrolled/ }).innerText();
  return Number(/([\d,]+)$/.exec(text)![1]!.replaceAll(',', ''));
}

async function choose(page: Page, filter: string, option: string): Promise<void> {
  await page.getByRole('combobox', { name: filter }).click();
  // A multiple-choice filter lists checkable items; a single-choice one, options.
  await page
    .getByRole('menuitemcheckbox', { name: option, exact: true })
    .or(page.getByRole('option', { name: option, exact: true }))
    .click();
  await page.keyboard.press('Escape');
}

const firstCells = (page: Page) => deviceRows(page).locator('[role="gridcell"]:first-child');

test.describe('Devices', () => {
  test('filters, searches and sorts in main, and exports exactly the filtered rows', async ({ openConsole, page, demoTenant }) => {
    test.setTimeout(90_000);
    await connectorAndFirstPoll(page, openConsole);
    const unsupported = await holdTheClock(page);
    const truth = truthRows(demoTenant);
    await openModule(page, 'Devices');
    await expect(devicesTotal(page)).toHaveText(totalText(truth.size + unsupported));

    // State: Pending, then Platform: Android as well; the address keeps the filter.
    await choose(page, 'State', 'Pending');
    const pending = [...truth].filter(([, row]) => row.state === 'pending').map(([id]) => demoTenant.devicesById.get(id)!);
    await expect(devicesTotal(page)).toHaveText(totalText(pending.length));
    await expect(page).toHaveURL(/#\/devices\?state=pending$/);
    await choose(page, 'Platform', 'Android');
    const android = pending.filter((device) => device.operatingSystem === 'Android');
    await expect(devicesTotal(page)).toHaveText(totalText(android.length));
    await expect(page).toHaveURL(/state=pending&platform=Android/);
    await expect(deviceGrid(page)).toHaveAttribute('aria-rowcount', String(android.length + 1));

    // Sorted by device name, descending: main's order, first rows first.
    const header = deviceGrid(page).getByRole('columnheader', { name: 'Device' });
    await expect(header).toHaveAttribute('aria-sort', 'ascending');
    await header.getByRole('button').click();
    await expect(header).toHaveAttribute('aria-sort', 'descending');
    const byNameDescending = android.map((device) => device.deviceName).sort((a, b) => b.toLowerCase().localeCompare(a.toLowerCase()));
    await expect(firstCells(page).first()).toHaveText(byNameDescending[0]!);
    await expect(page).toHaveURL(/sort=deviceName&dir=desc/);

    // The CSV of this filter: a header and one line per listed device, in the same order.
    const download = page.waitForEvent('download');
    await page.getByRole('button', { name: 'Export CSV' }).click();
    const lines = fs
      .readFileSync(await (await download).path(), 'utf8')
      .trim()
      .split(/\r?\n/);
    expect(lines).toHaveLength(android.length + 1);
    // Cells in the screen's words: the platform as the list shows it ("Android 14"), the state as a word.
    expect(lines.slice(1).every((line) => /,Android( [^,]+)?,Pending,/.test(line))).toBe(true);
    expect(lines[1]!.startsWith(`${byNameDescending[0]!},`)).toBe(true);
    await expect(page.getByText(`Exported ${totalText(android.length)} to`)).toBeVisible();

    // A search by device name finds that device; Clear filters lists everything again.
    await page.getByRole('button', { name: 'Clear filters' }).click();
    await expect(devicesTotal(page)).toHaveText(totalText(truth.size + unsupported));
    const someone = pending[0]!;
    await page.getByRole('searchbox', { name: 'Search devices' }).fill(someone.deviceName);
    await expect(devicesTotal(page)).toHaveText(totalText(1));
    await expect(firstCells(page)).toHaveText([someone.deviceName]);
    await expect(page).toHaveURL(new RegExp(`q=${someone.deviceName}`));
  });

  test('scrolls through every device a page at a time, and opens one from the keyboard', async ({ openConsole, page }) => {
    test.setTimeout(90_000);
    await connectorAndFirstPoll(page, openConsole);
    await holdTheClock(page);
    await openModule(page, 'Devices');
    const totalLabel = await devicesTotal(page).innerText();
    const total = Number(/^([\d,]+)/.exec(totalLabel)![1]!.replaceAll(',', ''));
    const grid = deviceGrid(page);
    await expect(grid).toHaveAttribute('aria-rowcount', String(total + 1));
    await expect(firstCells(page).first()).not.toBeEmpty();
    // Only the rows on screen are in the page.
    expect(await deviceRows(page).count()).toBeLessThan(60);

    // One tab stop for the rows: End goes to the last device (its page is fetched), Home back to the first.
    await grid.focus();
    await page.keyboard.press('End');
    const last = grid.locator(`[role="row"][aria-rowindex="${total + 1}"]`);
    await expect(last).toBeVisible();
    await expect(last.getByRole('gridcell').first()).not.toBeEmpty();
    await expect(grid).toHaveAttribute('aria-activedescendant', (await last.getAttribute('id'))!);
    await page.keyboard.press('Home');
    await page.keyboard.press('ArrowDown');
    const second = grid.locator('[role="row"][aria-rowindex="3"]');
    await expect(grid).toHaveAttribute('aria-activedescendant', (await second.getAttribute('id'))!);
    const name = await second.getByRole('gridcell').first().innerText();

    await page.keyboard.press('Enter');
    const detail = page.getByRole('dialog', { name });
    await expect(detail).toBeVisible();
    await expect(detail.getByRole('region', { name: 'Properties' })).toBeVisible();
    await expect(detail.getByRole('list', { name: 'State history' }).getByRole('listitem').first()).toBeVisible();
    await expect(detail.getByRole('heading', { name: /open threats?$/ })).toBeVisible();
    await expect(detail.getByRole('heading', { name: /resolved or ignored threats?$/ })).toBeVisible();
    await page.keyboard.press('Escape');
    await expect(detail).toHaveCount(0);
    await expect(grid).toBeFocused();
  });

  test("a device's detail lists its open threats with their risk levels", async ({ openConsole, page }) => {
    test.setTimeout(90_000);
    await connectorAndFirstPoll(page, openConsole);
    await holdTheClock(page);
    const high = (await countsIn(page, 'Device counts by threat level'))['High']!;
    expect(high).toBeGreaterThan(0);
    await page.getByRole('list', { name: 'Device counts by threat level' }).getByRole('link', { name: /^High/ }).click();
    await expect(devicesTotal(page)).toHaveText(totalText(high));
    const row = deviceRows(page).first();
    await expect(row.getByRole('gridcell').nth(4)).toHaveText('High');
    const name = await row.getByRole('gridcell').first().innerText();
    await row.click();
    const detail = page.getByRole('dialog', { name });
    const open = detail.getByRole('list', { name: /open threats?$/ });
    await expect(open.getByRole('listitem').first()).toBeVisible();
    await expect(open.getByText('Risk level High').first()).toBeVisible();
    await detail.getByRole('button', { name: 'Close' }).click();
    await expect(detail).toHaveCount(0);
  });

  test('opens at an address with its filter and sort, as a link or Back does', async ({ openConsole, page }) => {
    test.setTimeout(90_000);
    await connectorAndFirstPoll(page, openConsole);
    await holdTheClock(page);
    await page.goto(`${new URL(page.url()).origin}/#/devices?state=active&compliance=compliant&sort=lastCheckinAt&dir=desc`);
    await expect(page.getByRole('heading', { level: 1, name: 'Devices' })).toBeVisible();
    await expect(page.getByRole('combobox', { name: 'State' })).toHaveText('Active');
    await expect(page.getByRole('combobox', { name: 'Compliance' })).toHaveText('Compliant');
    await expect(deviceGrid(page).getByRole('columnheader', { name: 'Last check-in' })).toHaveAttribute('aria-sort', 'descending');
    await expect(devicesTotal(page)).toHaveText(/^[1-9][\d,]* devices?$/);
    for (const cells of await deviceRows(page).all()) {
      await expect(cells.getByRole('gridcell').nth(3)).toHaveText('Active');
      await expect(cells.getByRole('gridcell').nth(5)).toHaveText('Compliant');
    }
  });
});
