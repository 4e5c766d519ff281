// Saving enrollment groups that enroll nothing, as an admin meets it: the groups named
// with why, a confirmation, the tab's warning mark, and the check kept with its time.
import { expect, test } from './fixtures';
import { addGroup, addRecipient, expectSaved, groupList, MOBILE_USERS, save, showTab, startIntuneConnector } from './configuration-helpers';

test.describe('Enrollment groups that enroll nothing', () => {
  test('are named at save with why, saved only when confirmed, and marked on the tab after a reload', async ({ openConsole }) => {
    const page = await openConsole('#/system/connectors');
    await startIntuneConnector(page);
    await showTab(page, 'Enrollment Management');
    await addGroup(page, MOBILE_USERS);
    await addGroup(page, 'No Such Group');
    await addGroup(page, 'Mobile Team');
    await showTab(page, 'Error Management');
    await addRecipient(page, 'secops@contoso.com');

    await save(page);
    let dialog = page.getByRole('alertdialog', { name: '2 enrollment groups enroll nothing' });
    await expect(dialog).toBeVisible();
    await expect(dialog).toContainText('“No Such Group”: No group with this name in the directory.');
    await expect(dialog).toContainText('“Mobile Team”: Not a security group: only security groups can enroll devices.');
    await expect(dialog).not.toContainText(`“${MOBILE_USERS}”`);

    // Cancel keeps the edit unsaved: the connector still does not exist.
    await dialog.getByRole('button', { name: 'Cancel' }).click();
    await expect(dialog).toBeHidden();
    await expect(page.getByText('Saved', { exact: true })).toBeHidden();
    await expect(page.getByText('This connector is not saved yet.')).toBeVisible();

    await save(page);
    dialog = page.getByRole('alertdialog', { name: '2 enrollment groups enroll nothing' });
    await dialog.getByRole('button', { name: 'Save anyway' }).click();
    await expectSaved(page);
    const mark = page.getByRole('img', { name: 'Enrollment Management: 2 saved groups enroll nothing' });
    await expect(mark).toBeVisible();

    await page.reload();
    await expect(page.getByRole('heading', { name: 'Microsoft Intune connector' })).toBeVisible();
    await expect(page.getByRole('img', { name: 'Enrollment Management: 2 saved groups enroll nothing' })).toBeVisible();
    await showTab(page, 'Enrollment Management');
    await expect(page.getByText(/^Checked at .*\d/)).toBeVisible();
    const items = groupList(page).getByRole('listitem');
    await expect(items.filter({ hasText: 'No Such Group' })).toContainText('No group with this name in the directory.');
    await expect(items.filter({ hasText: 'Mobile Team' })).toContainText('Not a security group');
    await expect(items.filter({ hasText: MOBILE_USERS })).toContainText('Found:');

    // Fixing the groups and saving without a question takes the mark away.
    await items.filter({ hasText: 'No Such Group' }).getByRole('button', { name: /Remove/ }).click();
    await groupList(page).getByRole('listitem').filter({ hasText: 'Mobile Team' }).getByRole('button', { name: /Remove/ }).click();
    await save(page);
    await page.getByRole('alertdialog', { name: 'Remove 2 enrollment groups?' }).getByRole('button', { name: 'Remove and save' }).click();
    await expectSaved(page);
    await expect(page.getByRole('img', { name: /saved groups? enrolls? nothing/ })).toBeHidden();
  });
});
