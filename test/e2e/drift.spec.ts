// System > Drift as a new Full user meets it: the devices where Intune's partner state
// differs from the console's, with why and when each was last reported, and Sync now,
// which asks first with the number of devices and leaves no drift. Restricted users
// have no Drift, and main refuses its calls.
import type { Page } from '@playwright/test';
import { openModule } from './configuration-helpers';
import { connectorAndFirstPoll } from './dashboard-helpers';
import { expect, test } from './fixtures';
import { fullPoll, holdTheClock, securedInIntune } from './state-sync-helpers';

const NO_DRIFT = "No drift: Intune's partner state matches the console's for every device.";

function driftTable(page: Page) {
  return page.getByRole('table', { name: 'Devices in drift' });
}

async function callFromTab(page: Page, channel: string): Promise<unknown> {
  return page.evaluate(
    async (channel) => (await fetch(`/api/call/${channel}`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({}) })).json() as Promise<unknown>,
    channel,
  );
}

test.describe('System > Drift', () => {
  test('lists the devices Intune lists otherwise, with why, and Sync now reports them after a confirmation', async ({ openConsole, page, demoTenant }) => {
    test.setTimeout(120_000);
    await connectorAndFirstPoll(page, openConsole);
    await holdTheClock(page);

    // Right after a poll with state sync there is no drift.
    await openModule(page, 'Drift');
    await expect(page.getByRole('status', { name: NO_DRIFT })).toBeVisible();
    await expect(page.getByRole('button', { name: 'Sync now' })).toHaveCount(0);

    // Someone else writes Compromised to Intune for two devices; a full poll reads it.
    const changed = securedInIntune(demoTenant, 2);
    for (const device of changed) device.partnerReportedThreatState = 'compromised';
    await fullPoll(page);
    await openModule(page, 'Drift');
    await expect(page.getByText('2 devices in drift.')).toBeVisible();
    const table = driftTable(page);
    const rows = table.getByRole('row');
    await expect(rows).toHaveCount(3);
    await expect(rows.first().getByRole('columnheader')).toHaveText(["Device", "Intune's state", "The console's state", 'Why', 'Last reported']);
    for (const device of changed) {
      const row = rows.filter({ has: page.getByRole('link', { name: device.deviceName, exact: true }) });
      await expect(row.getByRole('cell')).toHaveText([
        new RegExp(`^${device.deviceName}`),
        'Compromised',
        'Secured',
        'Intune lists another state than the console last reported.',
        /\d/,
      ]);
      await expect(row.getByRole('link', { name: device.deviceName })).toHaveAttribute('href', `#/devices/${device.id}`);
    }
    await expect(page.getByText('Report only')).toHaveCount(0);

    // Sync now asks first, with the number of devices; Cancel sends nothing.
    await page.getByRole('button', { name: 'Sync now' }).click();
    let dialog = page.getByRole('alertdialog', { name: 'Send the states to Intune?' });
    await expect(dialog).toContainText('for 2 devices');
    await dialog.getByRole('button', { name: 'Cancel' }).click();
    await expect(dialog).toHaveCount(0);
    expect(changed.map((device) => device.partnerReportedThreatState)).toEqual(['compromised', 'compromised']);

    await page.getByRole('button', { name: 'Sync now' }).click();
    dialog = page.getByRole('alertdialog', { name: 'Send the states to Intune?' });
    await dialog.getByRole('button', { name: 'Sync now' }).click();
    await expect(page.getByText('2 devices reported to Intune. No drift is left.')).toBeVisible({ timeout: 30_000 });
    await expect(page.getByRole('status', { name: NO_DRIFT })).toBeVisible();
    await expect(driftTable(page)).toHaveCount(0);
    expect(changed.map((device) => device.partnerReportedThreatState)).toEqual(['secured', 'secured']);

    // The audit log says who sent what.
    await openModule(page, 'Audit log');
    await expect(page.getByRole('table', { name: 'Audit log entries' }).getByText('State sync: 2 devices reported to Intune')).toBeVisible();
  });

  test('is not there for a Restricted user, and main refuses its calls', async ({ openConsole, page }) => {
    await openConsole('', { as: 'restricted' });
    const navigation = page.getByRole('navigation', { name: 'Modules' });
    await expect(navigation.getByRole('link', { name: 'Dashboard', exact: true })).toBeVisible();
    await expect(navigation.getByRole('link', { name: 'Drift', exact: true })).toHaveCount(0);
    for (const channel of ['stateSync.drift', 'stateSync.syncNow']) {
      expect(await callFromTab(page, channel)).toMatchObject({ ok: false, error: { code: 'forbidden' } });
    }
    await openConsole('#/system/drift', { as: 'restricted' });
    await expect(page.getByText('Drift is not available with your role (Restricted access).')).toBeVisible();
  });
});
