// Devices says what it lists (enrolled and unsupported devices, with a Show filter), and its CSV
// reads like the screen: the column headers as on screen, states and levels in words, dates as
// the screen writes them.
import fs from 'node:fs';
import type { Page } from '@playwright/test';
import { openModule } from './configuration-helpers';
import { advance, connectorAndFirstPoll, deviceGrid, deviceRows, devicesTotal, setSpeed, totalText, truthRows } from './dashboard-helpers';
import { expect, test } from './fixtures';

/** A CSV as RFC 4180 writes it: quoted cells may hold commas, quotes and line breaks. */
function parseCsv(text: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let cell = '';
  let quoted = false;
  const endCell = () => {
    row.push(cell);
    cell = '';
  };
  for (let i = 0; i < text.length; i += 1) {
    const c = text[i]!;
    if (quoted) {
      if (c === '"' && text[i + 1] === '"') {
        cell += '"';
        i += 1;
      } else if (c === '"') quoted = false;
      else cell += c;
    } else if (c === '"') quoted = true;
    else if (c === ',') endCell();
    else if (c === '\n') {
      endCell();
      rows.push(row);
      row = [];
    } else if (c !== '\r') cell += c;
  }
  if (cell !== '' || row.length > 0) {
    endCell();
    rows.push(row);
  }
  return rows;
}

async function show(page: Page, option: string): Promise<void> {
  await page.getByRole('combobox', { name: 'Show' }).click();
  await page.getByRole('option', { name: option, exact: true }).click();
}

async function exportCsv(page: Page): Promise<string[][]> {
  const download = page.waitForEvent('download');
  await page.getByRole('button', { name: 'Export CSV' }).click();
  return parseCsv(fs.readFileSync(await (await download).path(), 'utf8'));
}

const SCREEN_HEADERS = ['Device', 'User', 'Platform', 'State', 'Threat level', 'Compliance', 'Last check-in', 'In state since'];

test.describe('Devices list and CSV', () => {
  test('says it lists enrolled and unsupported devices, and shows either with the Show filter', async ({ openConsole, page, demoTenant }) => {
    test.setTimeout(90_000);
    await connectorAndFirstPoll(page, openConsole);
    await setSpeed(page, 'Paused');
    await advance(page, 'Advance 1 hour');
    const unsupportedText = await page.getByRole('link', { name: /^Unsupported, not enrolled/ }).innerText();
    const unsupported = Number(/([\d,]+)$/.exec(unsupportedText)![1]!.replaceAll(',', ''));
    const enrolled = truthRows(demoTenant).size;
    expect(unsupported).toBeGreaterThan(0);

    await openModule(page, 'Devices');
    await expect(page.getByText(/enrolled devices .* listed as unsupported and not enrolled/)).toBeVisible();
    await expect(page.getByRole('combobox', { name: 'Show' })).toHaveText('Enrolled and unsupported');
    await expect(devicesTotal(page)).toHaveText(totalText(enrolled + unsupported));

    await show(page, 'Unsupported only');
    await expect(devicesTotal(page)).toHaveText(totalText(unsupported));
    await expect(page.getByRole('combobox', { name: 'State' })).toHaveText('Unsupported');
    await expect(deviceRows(page).first().getByRole('gridcell').nth(3)).toHaveText('Unsupported');

    await show(page, 'Enrolled only');
    await expect(devicesTotal(page)).toHaveText(totalText(enrolled));
    // The choice is in the address, as every filter is.
    await page.reload();
    await expect(page.getByRole('combobox', { name: 'Show' })).toHaveText('Enrolled only');
    await expect(devicesTotal(page)).toHaveText(totalText(enrolled));

    // A State pick that is neither says so, instead of pretending.
    await page.getByRole('combobox', { name: 'State' }).click();
    await page.getByRole('menuitemcheckbox', { name: 'Pending', exact: true }).or(page.getByRole('option', { name: 'Pending', exact: true })).click();
    await page.keyboard.press('Escape');
    await expect(page.getByRole('combobox', { name: 'Show' })).toHaveText('As the State filter picks');

    await show(page, 'Enrolled and unsupported');
    await expect(devicesTotal(page)).toHaveText(totalText(enrolled + unsupported));
  });

  test('the CSV has the headers and the values the screen shows', async ({ openConsole, page }) => {
    test.setTimeout(90_000);
    await connectorAndFirstPoll(page, openConsole);
    await setSpeed(page, 'Paused');
    await advance(page, 'Advance 1 hour');
    await openModule(page, 'Devices');

    // Active devices: every column has a value in words.
    await page.getByRole('combobox', { name: 'State' }).click();
    await page.getByRole('menuitemcheckbox', { name: 'Active', exact: true }).or(page.getByRole('option', { name: 'Active', exact: true })).click();
    await page.keyboard.press('Escape');
    await expect(devicesTotal(page)).not.toHaveText(/Counting/);
    const total = Number(/^([\d,]+)/.exec(await devicesTotal(page).innerText())![1]!.replaceAll(',', ''));
    expect(total).toBeGreaterThan(0);

    const rows = await exportCsv(page);
    const [headers, ...devices] = rows;
    const onScreen = await deviceGrid(page).getByRole('columnheader').allInnerTexts();
    expect(onScreen.map((text) => text.trim())).toEqual(SCREEN_HEADERS);
    expect(headers).toEqual([...SCREEN_HEADERS, 'Last Intune sync', 'Intune device ID']);
    expect(devices).toHaveLength(total);

    // The first line is the first row, cell by cell as the screen writes it.
    const first = deviceRows(page).first();
    const cells = first.getByRole('gridcell');
    for (const [index, header] of SCREEN_HEADERS.slice(0, 6).entries()) {
      expect(devices[0]![index], header).toBe((await cells.nth(index).innerText()).trim());
    }
    // Dates: the screen's own format (the cell's full form, to the second), never an ISO stamp.
    const checkin = await cells.nth(6).locator('time').getAttribute('title');
    expect(devices[0]![6]).toBe(checkin);
    for (const device of devices) {
      expect(device[3]).toBe('Active');
      expect(['Secured', 'Low', 'Medium', 'High']).toContain(device[4]);
      expect(['Compliant', 'Non-compliant', 'No partner data']).toContain(device[5]);
      expect(device.join(',')).not.toMatch(/\d{4}-\d{2}-\d{2}T/);
    }
  });
});
