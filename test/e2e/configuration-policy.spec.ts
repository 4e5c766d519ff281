// Security Policy and the Audit log: change a classification's risk level, find the
// change in the audit log (and its CSV export), reset every level to its default.
import fs from 'node:fs';
import { expect, test } from './fixtures';
import { openModule } from './configuration-helpers';

test.describe('Security Policy', () => {
  test('groups the classifications by type and finds them by name', async ({ openConsole, page }) => {
    await openConsole('#/security-policy');
    for (const type of ['Application', 'Device', 'Operating system', 'Network', 'Web content']) {
      await expect(page.getByRole('heading', { level: 2, name: type })).toBeVisible();
    }
    await expect(page.getByLabel('Risk level of TROJAN')).toHaveValue('High');
    await expect(page.getByLabel('Risk level of VPN_NOT_ENABLED')).toHaveValue('None');

    await page.getByLabel('Search classifications').fill('root jail');
    await expect(page.getByRole('combobox')).toHaveCount(1);
    await expect(page.getByLabel('Risk level of ROOT_JAILBREAK')).toHaveValue('High');
    await expect(page.getByRole('heading', { level: 2, name: 'Application' })).toHaveCount(0);
    await page.getByLabel('Search classifications').fill('no such threat');
    await expect(page.getByText('No classification matches “no such threat”.')).toBeVisible();
  });

  test('a changed level is marked, kept, and found in the audit log and its CSV export', async ({ openConsole, page }) => {
    await openConsole('#/security-policy');
    await page.getByLabel('Risk level of TROJAN').selectOption('Low');
    await expect(page.getByText('TROJAN is now Low.')).toBeVisible();
    const row = page.getByRole('row').filter({ has: page.getByLabel('Risk level of TROJAN') });
    await expect(row.getByText('Changed')).toBeVisible();
    await expect(page.getByText('1 classification differs from its default.')).toBeVisible();
    await page.reload();
    await expect(page.getByLabel('Risk level of TROJAN')).toHaveValue('Low');

    await openModule(page, 'Audit log');
    const entries = page.getByRole('table', { name: 'Audit log entries' });
    const entry = entries.getByRole('row').filter({ hasText: 'Security Policy: TROJAN' });
    await expect(entry).toContainText('Settings changed');
    await expect(entry).toContainText('Security Policy');
    await expect(entry).toContainText('High → Low');

    // Filters narrow the list; an action with no entries says so.
    await page.getByRole('combobox', { name: 'Action' }).click();
    await page.getByRole('option', { name: 'Connector deleted' }).click();
    await expect(page.getByText('No entries match these filters.')).toBeVisible();
    await page.getByRole('button', { name: 'Clear filters' }).click();
    await expect(entry).toBeVisible();
    const today = new Date();
    const day = `${today.getFullYear()}-${String(today.getMonth() + 1).padStart(2, '0')}-${String(today.getDate()).padStart(2, '0')}`;
    await page.getByLabel('From', { exact: true }).fill(day);
    await page.getByLabel('To', { exact: true }).fill(day);
    await expect(entry).toBeVisible();

    const download = page.waitForEvent('download');
    await page.getByRole('button', { name: 'Export CSV' }).click();
    const file = await download;
    expect(file.suggestedFilename()).toMatch(/\.csv$/);
    const csv = fs.readFileSync(await file.path(), 'utf8');
    expect(csv).toContain('classification.TROJAN');
    expect(page.url()).toMatch(/#\/audit-log$/);
  });

  test('resets every classification to its default level after confirmation', async ({ openConsole, page }) => {
    await openConsole('#/security-policy');
    const reset = page.getByRole('button', { name: 'Reset to defaults' });
    await expect(reset).toBeDisabled();
    await page.getByLabel('Risk level of TROJAN').selectOption('Medium');
    await expect(page.getByText('TROJAN is now Medium.')).toBeVisible();
    await page.getByLabel('Risk level of VPN_NOT_ENABLED').selectOption('High');
    await expect(page.getByText('VPN_NOT_ENABLED is now High.')).toBeVisible();
    await expect(page.getByText('2 classifications differ from their defaults.')).toBeVisible();

    await reset.click();
    const dialog = page.getByRole('alertdialog', { name: 'Reset every classification to its default level?' });
    await dialog.getByRole('button', { name: 'Cancel' }).click();
    await expect(page.getByLabel('Risk level of TROJAN')).toHaveValue('Medium');

    await reset.click();
    await dialog.getByRole('button', { name: 'Reset', exact: true }).click();
    await expect(page.getByText('Every classification is back to its default level.')).toBeVisible();
    await expect(page.getByLabel('Risk level of TROJAN')).toHaveValue('High');
    await expect(page.getByLabel('Risk level of VPN_NOT_ENABLED')).toHaveValue('None');
    await expect(page.getByText('Changed', { exact: true })).toHaveCount(0);
    await page.reload();
    await expect(page.getByLabel('Risk level of TROJAN')).toHaveValue('High');

    await openModule(page, 'Audit log');
    await expect(page.getByRole('table', { name: 'Audit log entries' }).getByRole('row').filter({ hasText: 'Classifications reset' })).toContainText(
      'Medium → High',
    );
  });
});
