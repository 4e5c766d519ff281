// An opened device has an address of its own (#/devices/<id>): it can be reloaded, shared with
// another tab and bookmarked; closing returns to the list, and an unknown address says so.
import { connectorAndFirstPoll, deviceRows, devicesTotal, truthRows } from './dashboard-helpers';
import { openModule } from './configuration-helpers';
import { expect, test } from './fixtures';

const hashOf = (url: string) => new URL(url).hash;

test.describe('Device addresses', () => {
  test('opening a device gives it an address that opens it again after a reload and in a new tab', async ({ openConsole, page, demoTenant }) => {
    test.setTimeout(120_000);
    await connectorAndFirstPoll(page, openConsole);
    await openModule(page, 'Devices');
    await expect(devicesTotal(page)).not.toHaveText(/Loading/);

    const row = deviceRows(page).first();
    const name = await row.getByRole('gridcell').first().innerText();
    await row.click();
    const detail = page.getByRole('dialog', { name });
    await expect(detail).toBeVisible();
    await expect(page).toHaveURL(/#\/devices\/[^/?]+$/);
    const address = hashOf(page.url());
    const id = decodeURIComponent(address.slice('#/devices/'.length));
    expect(demoTenant.data.devices.find((device) => device.id === id)?.deviceName).toBe(name);

    // Closing goes back to the list's address; the device's address opens it again.
    await detail.getByRole('button', { name: 'Close' }).click();
    await expect(detail).toHaveCount(0);
    expect(hashOf(page.url())).toBe('#/devices');

    await page.goto(new URL(address, page.url()).href);
    await page.reload();
    await expect(page.getByRole('dialog', { name })).toBeVisible();
    await expect(page.getByRole('dialog', { name }).getByRole('region', { name: 'Properties' })).toBeVisible();

    // A new tab with the same address (as a shared link or a bookmark) opens the same device.
    const other = await page.context().newPage();
    await other.goto(page.url());
    await expect(other.getByRole('dialog', { name })).toBeVisible();
    await other.keyboard.press('Escape');
    await expect(other.getByRole('heading', { level: 1, name: 'Devices' })).toBeVisible();
    expect(hashOf(other.url())).toBe('#/devices');
    await other.close();
  });

  test('a device far down the list opens at its address; an unknown id says "Device not found"', async ({ openConsole, page, demoTenant }) => {
    test.setTimeout(120_000);
    await connectorAndFirstPoll(page, openConsole);
    const ids = [...truthRows(demoTenant).keys()];
    const byName = demoTenant.data.devices.filter((device) => ids.includes(device.id)).sort((a, b) => b.deviceName.localeCompare(a.deviceName));
    const far = byName[0]!;
    expect(byName.length).toBeGreaterThan(200);

    await page.evaluate((hash) => {
      window.location.hash = hash;
    }, `#/devices/${encodeURIComponent(far.id)}`);
    const detail = page.getByRole('dialog', { name: far.deviceName });
    await expect(detail).toBeVisible();
    await expect(detail.getByRole('region', { name: 'Properties' })).toBeVisible();
    await page.keyboard.press('Escape');
    await expect(detail).toHaveCount(0);
    expect(hashOf(page.url())).toBe('#/devices');

    await page.evaluate(() => {
      window.location.hash = '#/devices/no-such-device';
    });
    const missing = page.getByRole('dialog', { name: 'Device not found' });
    await expect(missing).toBeVisible();
    await expect(missing.getByText(/No device in the inventory has the ID no-such-device/)).toBeVisible();
    await missing.getByRole('button', { name: 'Close' }).click();
    expect(hashOf(page.url())).toBe('#/devices');
    // Not a module: a deeper path is not found.
    await page.evaluate(() => {
      window.location.hash = '#/devices/a/b';
    });
    await expect(page.getByRole('heading', { name: 'Page not found' })).toBeVisible();
  });
});
