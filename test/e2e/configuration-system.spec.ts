// System > Access, System > Enrollment settings and Preferences: bad values refused
// with the rule named and nothing saved; good values kept across a restart.
import { expect, test } from './fixtures';
import { expectSaved, save } from './configuration-helpers';

const TENANT = '72f988bf-86f1-41af-91ab-2d7cd011db47';
const FULL_GROUP = '3f2504e0-4f89-41d3-9a0c-0305e82c3301';
const RESTRICTED_GROUP = 'a0b1c2d3-e4f5-4a6b-8c7d-9e0f1a2b3c4d';

test.describe('System > Access', () => {
  test('refuses malformed and repeated group IDs, then keeps valid ones across a restart', async ({ openConsole, restartConsole, page }) => {
    await openConsole('#/system/access');
    // Signing in needed the Global Administrator's consent, which Access shows.
    await expect(page.getByText(/^Granted by globaladmin@contoso\.example on /)).toBeVisible();
    const tenant = page.getByLabel('Tenant ID');
    const full = page.getByLabel('Full-access group object ID');
    const restricted = page.getByLabel('Restricted-access group object ID (optional)');

    await save(page);
    await expect(page.getByText('Tenant ID is required.')).toBeVisible();
    await expect(page.getByText('Full-access group object ID is required.')).toBeVisible();

    await tenant.fill('not-a-guid');
    await full.fill(FULL_GROUP);
    await restricted.fill(FULL_GROUP.toUpperCase());
    await save(page);
    await expect(page.getByText('Tenant ID must be a GUID such as 00000000-0000-0000-0000-000000000000.')).toBeVisible();
    await expect(page.getByText('Restricted-access group object ID must differ from the full-access group object ID.')).toBeVisible();
    await expect(page.getByText('Nothing was saved: 2 fields need attention.')).toBeVisible();
    await expect(tenant).toHaveValue('not-a-guid');
    await page.reload();
    await expect(page.getByLabel('Tenant ID')).toHaveValue('');

    await page.getByLabel('Tenant ID').fill(TENANT);
    await page.getByLabel('Full-access group object ID').fill(FULL_GROUP);
    await page.getByLabel('Restricted-access group object ID (optional)').fill(RESTRICTED_GROUP);
    await save(page);
    await expectSaved(page);

    const restarted = await restartConsole('#/system/access');
    await expect(restarted.getByLabel('Tenant ID')).toHaveValue(TENANT);
    await expect(restarted.getByLabel('Full-access group object ID')).toHaveValue(FULL_GROUP);
    await expect(restarted.getByLabel('Restricted-access group object ID (optional)')).toHaveValue(RESTRICTED_GROUP);
  });
});

test.describe('System > Enrollment settings', () => {
  test('accepts 1 to 90 whole days for Disconnected Status and nothing else', async ({ openConsole, page }) => {
    await openConsole('#/system/enrollment-settings');
    const days = page.getByLabel('Disconnected Status (days)');
    await expect(days).toHaveValue('7');
    await expect(page.getByText(/Whole days, 1 to 90\. Default: 7\./)).toBeVisible();
    for (const bad of ['0', '91', '1.5', 'week']) {
      await days.fill(bad);
      await save(page);
      await expect(page.getByText('Disconnected Status must be a whole number of days from 1 to 90.')).toBeVisible();
    }
    await page.reload();
    await expect(page.getByLabel('Disconnected Status (days)')).toHaveValue('7');

    await page.getByLabel('Disconnected Status (days)').fill('90');
    await page.getByLabel('Disconnected Status (days)').press('Enter');
    await expectSaved(page);
    await page.reload();
    await expect(page.getByLabel('Disconnected Status (days)')).toHaveValue('90');
  });
});

test.describe('Preferences', () => {
  test('keeps the e-mail notification switches per threat level', async ({ openConsole, page }) => {
    await openConsole('#/preferences');
    for (const level of ['High', 'Medium', 'Low']) {
      await expect(page.getByRole('switch', { name: `${level}-level threats` })).not.toBeChecked();
    }
    await page.getByRole('switch', { name: 'High-level threats' }).click();
    await page.getByRole('switch', { name: 'Low-level threats' }).click();
    await save(page);
    await expectSaved(page);
    await page.reload();
    await expect(page.getByRole('switch', { name: 'High-level threats' })).toBeChecked();
    await expect(page.getByRole('switch', { name: 'Medium-level threats' })).not.toBeChecked();
    await expect(page.getByRole('switch', { name: 'Low-level threats' })).toBeChecked();
  });
});
