// A device's "Partner state in Intune" is never a stale value without its time: what the
// console reported, and when, or, once a poll has read Intune, what Intune listed, and when.
import type { Page } from '@playwright/test';
import { openModule } from './configuration-helpers';
import { connectorAndFirstPoll, deviceRows, devicesTotal, totalText } from './dashboard-helpers';
import { expect, test } from './fixtures';
import { fullPoll, holdTheClock, securedInIntune } from './state-sync-helpers';

/** Devices, searched by name, the device opened: the value of one of its properties. */
async function property(page: Page, deviceName: string, term: string) {
  await openModule(page, 'Devices');
  await page.getByRole('searchbox', { name: 'Search devices' }).fill(deviceName);
  await expect(devicesTotal(page)).toHaveText(totalText(1));
  await deviceRows(page).first().click();
  const detail = page.getByRole('dialog', { name: deviceName });
  return detail.getByRole('region', { name: 'Properties' }).locator('dt', { hasText: term }).locator('xpath=following-sibling::dd[1]');
}

/** A tenant moment as the console writes it (English, the browser's time zone, to the second). */
function momentIn(page: Page, ms: number): Promise<string> {
  return page.evaluate((at) => new Intl.DateTimeFormat('en', { dateStyle: 'medium', timeStyle: 'medium' }).format(new Date(at)), ms);
}

test.describe("Device detail: Partner state in Intune", () => {
  test('says what Intune listed and when, then what the console reported and when', async ({ openConsole, page, demoTenant }) => {
    test.setTimeout(120_000);
    await connectorAndFirstPoll(page, openConsole);
    await holdTheClock(page);
    const [device] = securedInIntune(demoTenant, 1);

    // Intune is told Compromised by someone else; the console's full poll reads it then.
    device!.partnerReportedThreatState = 'compromised';
    await fullPoll(page);
    const listedAt = await momentIn(page, demoTenant.clock.now());
    const intune = await property(page, device!.deviceName, 'Partner state in Intune');
    await expect(intune).toHaveText(`Compromised, as Intune listed it at ${listedAt}`);
    const reported = page.getByRole('dialog', { name: device!.deviceName }).locator('dt', { hasText: 'Reported to Intune' }).locator('xpath=following-sibling::dd[1]');
    await expect(reported).toHaveText(/^Secured, reported by the console at \w{3} \d{1,2}, \d{4}, \d{1,2}:\d{2}:\d{2}/);
    await page.keyboard.press('Escape');

    // The device's partner state changes back when the console reports it: the line says so, and when.
    demoTenant.clock.advance(90_000);
    await openModule(page, 'Drift');
    await page.getByRole('button', { name: 'Sync now' }).click();
    await page.getByRole('alertdialog', { name: 'Send the states to Intune?' }).getByRole('button', { name: 'Sync now' }).click();
    await expect(page.getByText(/^[1-9]\d* devices? reported to Intune\. No drift is left\.$/)).toBeVisible({ timeout: 30_000 });
    const reportedAt = await momentIn(page, demoTenant.clock.now());
    expect(reportedAt).not.toBe(listedAt);
    await expect(await property(page, device!.deviceName, 'Partner state in Intune')).toHaveText(`Secured, reported by the console at ${reportedAt}`);
    await expect(page.getByRole('dialog', { name: device!.deviceName }).locator('dt', { hasText: 'Reported to Intune' }).locator('xpath=following-sibling::dd[1]')).toHaveText(
      `Secured, reported by the console at ${reportedAt}`,
    );
  });
});
