// System > Connectors as an Intune admin uses it: add the Intune connector, fill its
// four tabs, check the groups against the directory, preview, save, restart, delete.
import { expect, test } from './fixtures';
import {
  addGroup,
  addRecipient,
  createMinimalConnector,
  expectSaved,
  groupList,
  MOBILE_USERS,
  recipientList,
  save,
  showTab,
  startIntuneConnector,
} from './configuration-helpers';

test.describe('System > Connectors', () => {
  test('creates the Intune connector and finds every value again after the app restarts', async ({ openConsole, restartConsole }) => {
    let page = await openConsole('#/system/connectors');
    await startIntuneConnector(page);

    await expect(page.getByLabel('Heartbeat frequency (minutes)')).toHaveValue('15');
    await page.getByLabel('Heartbeat frequency (minutes)').fill('30');

    await showTab(page, 'Enrollment Management');
    await expect(page.getByText('No enrollment groups yet.')).toBeVisible();
    await addGroup(page, MOBILE_USERS);
    // Enter adds too; "Sales devices" and "Sales Devices" are two groups, and exact case is kept.
    await page.getByLabel('Enrollment group name').fill('Sales devices');
    await page.getByLabel('Enrollment group name').press('Enter');
    await expect(page.getByLabel('New-device check interval (minutes)')).toHaveValue('5');
    await page.getByLabel('New-device check interval (minutes)').fill('10');

    await showTab(page, 'State Sync');
    await expect(page.getByRole('switch', { name: 'Device status' })).toBeChecked();
    await expect(page.getByRole('switch', { name: 'Threat status' })).toBeChecked();

    await showTab(page, 'Error Management');
    await addRecipient(page, 'secops@contoso.com');
    await addRecipient(page, 'mobile-team@contoso.com');
    await save(page);
    await expectSaved(page);
    await expect(page.getByRole('button', { name: 'Delete connector' })).toBeVisible();

    page = await restartConsole('#/system/connectors');
    await expect(page.getByRole('heading', { name: 'Microsoft Intune connector' })).toBeVisible();
    await expect(page.getByLabel('Heartbeat frequency (minutes)')).toHaveValue('30');
    await showTab(page, 'Enrollment Management');
    await expect(groupList(page).getByRole('listitem')).toHaveCount(2);
    await expect(groupList(page).getByText(MOBILE_USERS, { exact: true })).toBeVisible();
    await expect(groupList(page).getByText('Sales devices', { exact: true })).toBeVisible();
    await expect(page.getByLabel('New-device check interval (minutes)')).toHaveValue('10');
    await showTab(page, 'Error Management');
    await expect(recipientList(page).getByRole('listitem')).toHaveText([/secops@contoso\.com/, /mobile-team@contoso\.com/]);
  });

  test('refuses each kind of invalid value with a message that names the field and rule, and saves nothing', async ({ openConsole, page }) => {
    await openConsole('#/system/connectors');
    await startIntuneConnector(page);

    // Nothing typed in the lists: Save names both, and the form opens the first tab with a problem.
    await save(page);
    await expect(page.getByText('Nothing was saved: 2 fields need attention.')).toBeVisible();
    await expect(page.getByRole('tab', { name: 'Enrollment Management' })).toHaveAttribute('aria-selected', 'true');
    await expect(page.getByText('Enrollment groups must list from 1 to 50 groups.')).toBeVisible();
    await showTab(page, 'Error Management');
    await expect(page.getByText('Error report recipients must list from 1 to 20 addresses.')).toBeVisible();

    // List items are checked as they are added: a bad one is refused and the list stays as it was.
    await addRecipient(page, 'not-an-address');
    await expect(page.getByText('Each error report recipient must be a valid e-mail address, such as admin@contoso.com.')).toBeVisible();
    await expect(page.getByText('No recipients yet.')).toBeVisible();
    await addRecipient(page, 'secops@contoso.com');
    await addRecipient(page, 'SecOps@contoso.com');
    await expect(page.getByText('Each error report recipient may be listed only once.')).toBeVisible();
    await expect(recipientList(page).getByRole('listitem')).toHaveCount(1);

    await showTab(page, 'Enrollment Management');
    await addGroup(page, `${MOBILE_USERS} `);
    await expect(page.getByText('An enrollment group name cannot start or end with spaces (names match exactly).')).toBeVisible();
    await addGroup(page, MOBILE_USERS);
    await addGroup(page, MOBILE_USERS);
    await expect(page.getByText('Each enrollment group may be listed only once.')).toBeVisible();
    await expect(groupList(page).getByRole('listitem')).toHaveCount(1);

    // Numbers out of range, not whole, or not numbers at all.
    const interval = page.getByLabel('New-device check interval (minutes)');
    for (const bad of ['0', '1441', '2.5', 'ten']) {
      await interval.fill(bad);
      await save(page);
      await expect(page.getByText('New-device check interval must be a whole number of minutes from 1 to 1440.')).toBeVisible();
      await expect(interval).toHaveValue(bad);
    }
    await interval.fill('5');
    const heartbeat = page.getByLabel('Heartbeat frequency (minutes)');
    for (const bad of ['4', '1441', '', '-15']) {
      await showTab(page, 'Connection Settings');
      await heartbeat.fill(bad);
      await save(page);
      await expect(page.getByText('Heartbeat frequency must be a whole number of minutes from 5 to 1440.')).toBeVisible();
      await expect(heartbeat).toHaveValue(bad);
    }
    await expect(page.getByText('Saved', { exact: true })).toHaveCount(0);

    await page.reload();
    await expect(page.getByRole('status', { name: 'No connector has been added.' })).toBeVisible();
  });

  test("shows the server's refusal next to each field it names, keeping the form as typed", async ({ openConsole, page }) => {
    // The server is authoritative: should it refuse what the form let through (a rule the form
    // does not know yet), its messages must land next to the fields it names, list items included.
    await page.route('**/api/call/connector.save', (route) =>
      route.fulfill({
        json: {
          ok: false,
          error: {
            code: 'validation',
            message: 'enrollmentGroups.0: Group is being deleted in the directory.',
            field: 'enrollmentGroups.0',
            rule: 'custom',
            issues: [
              { field: 'enrollmentGroups.0', rule: 'custom', message: 'enrollmentGroups.0: Group is being deleted in the directory.' },
              { field: 'heartbeatMinutes', rule: 'custom', message: 'heartbeatMinutes: Heartbeat frequency is too frequent for this tenant.' },
              { field: 'request', rule: 'custom', message: 'request: The tenant is read-only right now.' },
            ],
          },
        },
      }),
    );
    await openConsole('#/system/connectors');
    await startIntuneConnector(page);
    await page.getByLabel('Heartbeat frequency (minutes)').fill('20');
    await showTab(page, 'Enrollment Management');
    await addGroup(page, MOBILE_USERS);
    await showTab(page, 'Error Management');
    await addRecipient(page, 'secops@contoso.com');
    await save(page);

    await expect(page.getByText('Nothing was saved: 3 fields need attention.')).toBeVisible();
    await expect(page.getByText('The tenant is read-only right now.', { exact: true })).toBeVisible();
    // The form opens the first tab the server named.
    await expect(page.getByRole('tab', { name: 'Connection Settings' })).toHaveAttribute('aria-selected', 'true');
    await expect(page.getByText('Heartbeat frequency is too frequent for this tenant.')).toBeVisible();
    await expect(page.getByLabel('Heartbeat frequency (minutes)')).toHaveValue('20');
    await showTab(page, 'Enrollment Management');
    await expect(groupList(page).getByRole('listitem').filter({ hasText: MOBILE_USERS })).toContainText('Group is being deleted in the directory.');
    await page.unroute('**/api/call/connector.save');
    await page.reload();
    await expect(page.getByRole('status', { name: 'No connector has been added.' })).toBeVisible();
  });

  test('keeps the saved connector when an edit is invalid', async ({ openConsole, page }) => {
    await openConsole('#/system/connectors');
    await createMinimalConnector(page);

    await page.getByRole('tab', { name: 'Connection Settings' }).click();
    await page.getByLabel('Heartbeat frequency (minutes)').fill('1500');
    await page.getByRole('tab', { name: 'Enrollment Management' }).click();
    await page.getByRole('button', { name: `Remove ${MOBILE_USERS}` }).click();
    await expect(page.getByText('No enrollment groups yet.')).toBeVisible();
    await save(page);
    await expect(page.getByText('Nothing was saved: 2 fields need attention.')).toBeVisible();
    // The tab with the other problem says so.
    await expect(page.getByRole('tab', { name: /Connection Settings \(has errors\)/ })).toBeVisible();

    await page.reload();
    await expect(page.getByLabel('Heartbeat frequency (minutes)')).toHaveValue('15');
    await showTab(page, 'Enrollment Management');
    await expect(groupList(page).getByText(MOBILE_USERS, { exact: true })).toBeVisible();
  });

  test('offers the directory spelling of a group typed in the wrong case, and saves that spelling', async ({ openConsole, page }) => {
    await openConsole('#/system/connectors');
    await startIntuneConnector(page);
    await showTab(page, 'Enrollment Management');
    await addGroup(page, 'mobile users');
    await expect(groupList(page).getByText('Not checked yet')).toBeVisible();
    await page.getByRole('button', { name: 'Check groups' }).click();
    await expect(page.getByText('No group has exactly this name; the directory spells it differently.')).toBeVisible();

    await page.getByRole('button', { name: "Use 'Mobile Users'" }).click();
    await expect(groupList(page).getByText(MOBILE_USERS, { exact: true })).toBeVisible();
    await expect(groupList(page).getByText('mobile users', { exact: true })).toHaveCount(0);
    await expect(groupList(page).getByText(/^Found: \d+ users$/)).toBeVisible();

    await showTab(page, 'Error Management');
    await addRecipient(page, 'secops@contoso.com');
    await save(page);
    await expectSaved(page);
    await page.reload();
    await showTab(page, 'Enrollment Management');
    await expect(groupList(page).getByText(MOBILE_USERS, { exact: true })).toBeVisible();
  });

  test('reports unknown, ambiguous, non-security and nested groups', async ({ openConsole, page }) => {
    await openConsole('#/system/connectors');
    await startIntuneConnector(page);
    await showTab(page, 'Enrollment Management');
    for (const name of ['No Such Group', 'Field Staff', 'Mobile Team', 'All Mobile Staff']) await addGroup(page, name);
    await page.getByRole('button', { name: 'Check groups' }).click();
    const row = (name: string) => groupList(page).getByRole('listitem').filter({ hasText: name });
    await expect(row('No Such Group')).toContainText('No group with this name in the directory.');
    await expect(row('Field Staff')).toContainText('Several groups (2) have exactly this name');
    await expect(row('Mobile Team')).toContainText('Not a security group');
    await expect(row('All Mobile Staff')).toContainText(/Found: \d+ users?/);
    await expect(row('All Mobile Staff')).toContainText('1 nested group ignored (nested groups are not supported)');
  });

  test('previews how many users and devices the groups would enroll, before saving', async ({ openConsole, page }) => {
    await openConsole('#/system/connectors');
    await startIntuneConnector(page);
    await showTab(page, 'Enrollment Management');
    await addGroup(page, MOBILE_USERS);
    await addGroup(page, 'All Mobile Staff');
    await page.getByRole('button', { name: 'Preview enrollment' }).click();

    const preview = page.getByRole('region', { name: 'Enrollment preview' });
    await expect(preview).toBeVisible();
    await expect(preview.getByText(/^[1-9]\d* users$/)).toBeVisible();
    await expect(preview.getByText(/^\d+ supported devices? \(iOS, iPadOS, Android\)$/)).toBeVisible();
    await expect(preview.getByText(/^\d+ unsupported devices? \(not enrolled\)$/)).toBeVisible();
    await expect(preview.getByText(/1 nested group ignored/)).toBeVisible();
    await expect(preview.getByText('Devices by platform')).toBeVisible();
    // The preview runs the same checks, so each group's line is filled in too.
    await expect(groupList(page).getByText(/^Found: \d+ users$/)).toHaveCount(2);

    await page.getByRole('button', { name: 'Remove All Mobile Staff' }).click();
    await expect(preview.getByText('The group list changed: preview it again.')).toBeVisible();
    // Nothing was saved by checking or previewing.
    await page.reload();
    await expect(page.getByRole('status', { name: 'No connector has been added.' })).toBeVisible();
  });

  test('warns for as long as either state sync switch is off', async ({ openConsole, page }) => {
    await openConsole('#/system/connectors');
    await createMinimalConnector(page);
    const warning = page.getByText('State sync is off. Device status and threat status must both be on for the integration to work.');
    await expect(warning).toHaveCount(0);

    await showTab(page, 'State Sync');
    await page.getByRole('switch', { name: 'Threat status' }).click();
    await expect(warning).toBeVisible();
    // The warning stays in sight on the other tabs, and after saving and reloading.
    await showTab(page, 'Connection Settings');
    await expect(warning).toBeVisible();
    await save(page);
    await expectSaved(page);
    await page.reload();
    await expect(warning).toBeVisible();
    await showTab(page, 'State Sync');
    await expect(page.getByRole('switch', { name: 'Threat status' })).not.toBeChecked();
    await page.getByRole('switch', { name: 'Threat status' }).click();
    await expect(warning).toHaveCount(0);
  });

  test('deletes the connector only after confirmation', async ({ openConsole, page }) => {
    await openConsole('#/system/connectors');
    await createMinimalConnector(page);

    await page.getByRole('button', { name: 'Delete connector' }).click();
    const dialog = page.getByRole('alertdialog', { name: 'Delete the Intune connector?' });
    await expect(dialog).toBeVisible();
    await dialog.getByRole('button', { name: 'Cancel' }).click();
    await expect(dialog).toHaveCount(0);
    await expect(page.getByRole('button', { name: 'Delete connector' })).toBeFocused();

    await page.keyboard.press('Enter');
    await dialog.getByRole('button', { name: 'Delete', exact: true }).click();
    await expect(page.getByText('The connector was deleted.')).toBeVisible();
    await expect(page.getByRole('button', { name: 'Add connector' })).toBeFocused();
    await expect(page.getByRole('status', { name: 'No connector has been added.' })).toBeVisible();
    await page.reload();
    await expect(page.getByRole('status', { name: 'No connector has been added.' })).toBeVisible();
  });
});
