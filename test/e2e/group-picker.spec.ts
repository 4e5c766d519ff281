// The group pickers as an admin uses them: directory suggestions while typing a group
// name (security groups only, exact case), and the Access screen's ids with their group.
import { expect, test } from './fixtures';
import { expectSaved, save, showTab, startIntuneConnector } from './configuration-helpers';

const TENANT = '72f988bf-86f1-41af-91ab-2d7cd011db47';
const GUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

test.describe('Group pickers', () => {
  test('the enrollment group field offers security groups by the start of their name, and picking fills it', async ({ openConsole, page }) => {
    await openConsole('#/system/connectors');
    await startIntuneConnector(page);
    await showTab(page, 'Enrollment Management');
    const field = page.getByRole('combobox', { name: 'Enrollment group name' });
    const suggestions = page.getByRole('listbox', { name: 'Security groups in the directory' });

    await field.fill('Sal');
    await expect(suggestions.getByRole('option', { name: 'Sales Devices', exact: true })).toBeVisible();
    await expect(suggestions.getByRole('option', { name: 'Sales devices', exact: true })).toBeVisible();
    await expect(suggestions.getByRole('option', { name: /^(?!Sal)/i })).toHaveCount(0);

    // Mobile Team is a Microsoft 365 group: not offered, though its name starts the same.
    await field.fill('Mob');
    await expect(suggestions.getByRole('option', { name: 'Mobile Users', exact: true })).toBeVisible();
    await expect(suggestions.getByRole('option', { name: 'Mobile Team' })).toHaveCount(0);

    await field.fill('Sal');
    await suggestions.getByRole('option', { name: 'Sales devices', exact: true }).click();
    await expect(field).toHaveValue('Sales devices');
    await expect(suggestions).toBeHidden();
    await page.getByRole('button', { name: 'Add group' }).click();
    await expect(page.getByRole('list', { name: 'Enrollment groups' }).getByText('Sales devices', { exact: true })).toBeVisible();

    // The keyboard works too, and a name no group starts with offers nothing.
    await field.fill('Sales D');
    await expect(suggestions.getByRole('option')).not.toHaveCount(0);
    await field.press('ArrowDown');
    await field.press('Enter');
    await expect(field).toHaveValue(/^Sales [Dd]evices$/);
    await field.fill("O'Nobody");
    await expect(suggestions).toBeHidden();
  });

  test('the Access screen fills group ids from names and shows each saved id\'s group and member count', async ({ openConsole, page }) => {
    await openConsole('#/system/access');
    await page.getByLabel('Tenant ID').fill(TENANT);
    const full = page.getByRole('combobox', { name: 'Full-access group object ID' });
    await full.fill('Sales Dev');
    await page.getByRole('listbox', { name: 'Security groups in the directory' }).getByRole('option', { name: /^Sales Devices/ }).click();
    await expect(full).toHaveValue(GUID);

    const restricted = page.getByRole('combobox', { name: 'Restricted-access group object ID (optional)' });
    await restricted.fill('00000000-0000-4000-8000-000000000000');
    await save(page);
    await expectSaved(page);
    await expect(page.getByText(/^Sales Devices: \d+ members?$/)).toBeVisible();
    await expect(page.getByText('This group id was not found in the directory.')).toBeVisible();

    await page.reload();
    await expect(page.getByText(/^Sales Devices: \d+ members?$/)).toBeVisible();
    await expect(page.getByText('This group id was not found in the directory.')).toBeVisible();
  });
});
