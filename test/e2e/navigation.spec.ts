import { MODULE_LABELS } from './module-labels';
import { expect, test } from './fixtures';

test.describe('navigation', () => {
  test('opens on the dashboard', async ({ openConsole }) => {
    const page = await openConsole();
    await expect(page.getByRole('heading', { level: 1, name: 'Dashboard' })).toBeVisible();
    await expect(page).toHaveTitle('Dashboard – MTD Connector Console');
  });

  test('reaches every module from the navigation, each with its screen or empty state', async ({ openConsole }) => {
    const page = await openConsole();
    const nav = page.getByRole('navigation', { name: 'Modules' });
    for (const { label, hash, empty } of MODULE_LABELS) {
      await nav.getByRole('link', { name: label, exact: true }).click();
      await expect(page.getByRole('heading', { level: 1, name: label })).toBeVisible();
      await expect(page).toHaveURL(new RegExp(`${hash}$`));
      if (empty) await expect(page.getByRole('status', { name: empty })).toBeVisible();
    }
  });

  test('groups Connectors, Enrollment settings, Drift and Access under System', async ({ openConsole }) => {
    const page = await openConsole();
    const nav = page.getByRole('navigation', { name: 'Modules' });
    await expect(nav.getByText('System', { exact: true })).toBeVisible();
    const labels = await nav.getByRole('link').allTextContents();
    const system = labels.indexOf('Connectors');
    expect(labels.slice(system, system + 4)).toEqual(['Connectors', 'Enrollment settings', 'Drift', 'Access']);
  });

  test('works from the keyboard: the focused link opens its module and focus moves to its heading', async ({ openConsole }) => {
    const page = await openConsole();
    const devices = page.getByRole('navigation', { name: 'Modules' }).getByRole('link', { name: 'Devices', exact: true });
    await devices.focus();
    await page.keyboard.press('Enter');
    const heading = page.getByRole('heading', { level: 1, name: 'Devices' });
    await expect(heading).toBeVisible();
    await expect(heading).toBeFocused();
  });

  test('opens a module from its address, and says so when there is none', async ({ openConsole }) => {
    let page = await openConsole('#/system/access');
    await expect(page.getByRole('heading', { level: 1, name: 'Access' })).toBeVisible();
    page = await openConsole('#/no/such/module');
    await expect(page.getByRole('heading', { level: 1, name: 'Page not found' })).toBeVisible();
    await page.getByRole('link', { name: 'Go to the dashboard' }).click();
    await expect(page.getByRole('heading', { level: 1, name: 'Dashboard' })).toBeVisible();
  });
});
