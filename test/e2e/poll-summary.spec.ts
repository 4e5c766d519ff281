// The poll summary says what was sent to Intune: device status and threat status each,
// as switched on on the State Sync tab; with a switch off it names that switch, and the
// dashboard's connector health says the same.
import type { Page } from '@playwright/test';
import type { DemoTenant } from '../../electron/demo-tenant/demo-tenant';
import { addGroup, addRecipient, createMinimalConnector, expectSaved, MOBILE_USERS, openModule, save, showTab, startIntuneConnector } from './configuration-helpers';
import { POLL, region, stateList, truthRows } from './dashboard-helpers';
import { expect, test } from './fixtures';

function lastPoll(page: Page) {
  return page.getByRole('region', { name: 'Polling engine' }).getByRole('region', { name: 'Last poll' });
}

function sentList(page: Page) {
  return lastPoll(page).getByRole('list', { name: 'State sync in this poll' });
}

/** The first sync reports every enrolled device of Mobile Users (pending ones as "unknown"): the tenant's own count. */
function enrolledInTenant(tenant: DemoTenant): number {
  return truthRows(tenant).size;
}

const devices = (count: number) => `${count} ${count === 1 ? 'device' : 'devices'}`;

test.describe('the poll summary says what was sent', () => {
  test('with both switches on, it counts the device status and the threat status sent, and warns nowhere', async ({ openConsole, page, demoTenant }) => {
    test.setTimeout(90_000);
    await openConsole('#/system/connectors');
    await createMinimalConnector(page);
    await expect(sentList(page)).toBeVisible(POLL);
    const sent = enrolledInTenant(demoTenant);
    expect(sent).toBeGreaterThan(0);
    await expect(sentList(page).getByRole('listitem')).toHaveText([`Device status sent: ${devices(sent)}`, `Threat status sent: ${devices(sent)}`]);
    await expect(lastPoll(page).getByText(/^State sync is off/)).toHaveCount(0);

    await openModule(page, 'Dashboard');
    await expect(stateList(page)).toBeVisible(POLL);
    await expect(region(page, 'Connector health').getByText(/^State sync is off/)).toHaveCount(0);
  });

  test('with threat status off, the poll summary and the dashboard health name it, and only device status is sent', async ({ openConsole, page, demoTenant }) => {
    test.setTimeout(90_000);
    await openConsole('#/system/connectors');
    await startIntuneConnector(page);
    await showTab(page, 'Enrollment Management');
    await addGroup(page, MOBILE_USERS);
    await showTab(page, 'Error Management');
    await addRecipient(page, 'secops@contoso.com');
    await showTab(page, 'State Sync');
    await page.getByRole('switch', { name: 'Threat status' }).click();
    await expect(page.getByRole('switch', { name: 'Threat status' })).not.toBeChecked();
    await save(page);
    await expectSaved(page);

    await expect(sentList(page)).toBeVisible(POLL);
    const sent = enrolledInTenant(demoTenant);
    await expect(sentList(page).getByRole('listitem')).toHaveText([`Device status sent: ${devices(sent)}`]);
    await expect(lastPoll(page).getByText('State sync is off: Threat status', { exact: true })).toBeVisible();
    // Without threat status no device is reported at a threat level: only states such as "unresponsive".
    expect(demoTenant.data.devices.some((device) => /Severity$|^secured$/.test(device.partnerReportedThreatState))).toBe(false);

    await openModule(page, 'Dashboard');
    await expect(stateList(page)).toBeVisible(POLL);
    await expect(region(page, 'Connector health').getByText('State sync is off: Threat status', { exact: true })).toBeVisible();

    // Switched back on, the warning goes from the dashboard.
    await openModule(page, 'Connectors');
    await showTab(page, 'State Sync');
    await page.getByRole('switch', { name: 'Threat status' }).click();
    await save(page);
    await expectSaved(page);
    await openModule(page, 'Dashboard');
    await expect(region(page, 'Connector health').getByText(/^State sync is off/)).toHaveCount(0, POLL);
  });

  test('with device status off too, the warning names both switches', async ({ openConsole, page }) => {
    test.setTimeout(90_000);
    await openConsole('#/system/connectors');
    await startIntuneConnector(page);
    await showTab(page, 'Enrollment Management');
    await addGroup(page, MOBILE_USERS);
    await showTab(page, 'Error Management');
    await addRecipient(page, 'secops@contoso.com');
    await showTab(page, 'State Sync');
    await page.getByRole('switch', { name: 'Device status' }).click();
    await page.getByRole('switch', { name: 'Threat status' }).click();
    await save(page);
    await expectSaved(page);
    await expect(lastPoll(page).getByText('State sync is off: Device status and Threat status', { exact: true })).toBeVisible(POLL);
    await expect(lastPoll(page)).toContainText('Completed');
    await expect(lastPoll(page).getByText(/status sent/)).toHaveCount(0);
  });
});
