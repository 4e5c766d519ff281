import { expect, test } from './fixtures';

test.describe('the browser host only serves its own launch', () => {
  test('refuses the page without the token', async ({ page, host }) => {
    const response = await page.goto(host.origin);
    expect(response?.status()).toBe(401);
    await expect(page.getByText(/open the URL that "npm run serve" printed/)).toBeVisible();
  });

  test('refuses a wrong token', async ({ page, host }) => {
    const response = await page.goto(`${host.origin}/?token=not-the-token`);
    expect(response?.status()).toBe(401);
  });

  test('refuses API calls without the token', async ({ playwright, host }) => {
    const stranger = await playwright.request.newContext();
    const response = await stranger.post(`${host.origin}/api/call/app.info`, { data: { payload: undefined } });
    expect(response.status()).toBe(401);
    await stranger.dispose();
  });

  test('keeps the token out of the address bar and out of reach of scripts', async ({ openConsole, host }) => {
    const page = await openConsole();
    await expect(page.getByRole('heading', { level: 1, name: 'Dashboard' })).toBeVisible();
    expect(page.url()).not.toContain(host.token);
    expect(await page.evaluate(() => document.cookie)).not.toContain(host.token);
  });
});
