// What each demo user sees once consent is recorded (PRODUCT.md sections 1 and 3):
// Full gets every module; Restricted gets Dashboard, Devices, Security Policy (read
// only), Preferences, Review and What to do next, and nothing else, not even by address; a member of
// neither access group is refused with the groups to join.
import type { Page } from '@playwright/test';
import { expect, test } from './fixtures';
import { MODULE_LABELS } from './module-labels';
import { DEMO_USERS, signInError, signInHeading, signOut } from './sign-in';

const RESTRICTED_MODULES = ['Dashboard', 'What to do next', 'Devices', 'Threats', 'Security Policy', 'Preferences', 'Review'];
const FULL_ONLY = MODULE_LABELS.filter(({ label }) => !RESTRICTED_MODULES.includes(label));

function navigation(page: Page) {
  return page.getByRole('navigation', { name: 'Modules' });
}

/** A call as a crafted script in the signed-in tab would make it, past whatever the UI shows. */
async function callFromTab(page: Page, channel: string, payload?: unknown): Promise<unknown> {
  return page.evaluate(
    async ({ channel, payload }) =>
      (await fetch(`/api/call/${channel}`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ payload }) })).json() as Promise<unknown>,
    { channel, payload },
  );
}

test.describe('a full-access member', () => {
  test('is signed in with Full access and sees and opens every module', async ({ openConsole, page }) => {
    await openConsole();
    const banner = page.getByRole('banner');
    await expect(banner).toContainText(DEMO_USERS.fullaccess.displayName);
    await expect(banner).toContainText('Full access');
    await expect(navigation(page).getByRole('link')).toHaveText(MODULE_LABELS.map(({ label }) => label));
    await expect(navigation(page).getByText('System', { exact: true })).toBeVisible();
    for (const { label } of MODULE_LABELS) {
      await navigation(page).getByRole('link', { name: label, exact: true }).click();
      await expect(page.getByRole('heading', { level: 1, name: label })).toBeVisible();
    }
    // Security Policy is editable.
    await openConsole('#/security-policy');
    await expect(page.getByLabel('Risk level of TROJAN')).toBeEnabled();
    await expect(page.getByRole('button', { name: 'Reset to defaults' })).toBeVisible();
    await expect(page.getByText(/^Read-only:/)).toHaveCount(0);
  });
});

test.describe('a restricted-access member', () => {
  test('sees exactly Dashboard, What to do next, Devices, Security Policy, Preferences and Review', async ({ openConsole, page }) => {
    await openConsole('', { as: 'restricted' });
    const banner = page.getByRole('banner');
    await expect(banner).toContainText(DEMO_USERS.restricted.displayName);
    await expect(banner).toContainText('Restricted access');
    await expect(navigation(page).getByRole('link')).toHaveText(RESTRICTED_MODULES);
    await expect(navigation(page).getByText('System', { exact: true })).toHaveCount(0);
    await expect(navigation(page).getByRole('link', { name: 'Audit log' })).toHaveCount(0);
    for (const label of RESTRICTED_MODULES) {
      await navigation(page).getByRole('link', { name: label, exact: true }).click();
      await expect(page.getByRole('heading', { level: 1, name: label })).toBeVisible();
    }
  });

  test('reads the Security Policy without being able to change it', async ({ openConsole, page }) => {
    await openConsole('#/security-policy', { as: 'restricted' });
    await expect(page.getByRole('heading', { level: 1, name: 'Security Policy' })).toBeVisible();
    await expect(page.getByText('Read-only: your role is Restricted access')).toBeVisible();
    await expect(page.getByLabel('Risk level of TROJAN')).toHaveValue('High');
    await expect(page.getByLabel('Risk level of TROJAN')).toBeDisabled();
    const levels = page.getByRole('combobox');
    expect(await levels.count()).toBeGreaterThan(0);
    for (const level of await levels.all()) await expect(level).toBeDisabled();
    await expect(page.getByRole('button', { name: 'Reset to defaults' })).toHaveCount(0);
    // Main refuses the change even when the UI is bypassed.
    const reply = await callFromTab(page, 'classifications.setLevel', { classification: 'TROJAN', level: 'Low' });
    expect(reply).toMatchObject({ ok: false, error: { code: 'forbidden' } });
    await page.reload();
    await expect(page.getByLabel('Risk level of TROJAN')).toHaveValue('High');
  });

  test('keeps their own notification preferences', async ({ openConsole, page }) => {
    await openConsole('#/preferences', { as: 'restricted' });
    await page.getByRole('switch', { name: 'Medium-level threats' }).click();
    await page.getByRole('button', { name: 'Save' }).click();
    await expect(page.getByText('Saved', { exact: true })).toBeVisible();
    await page.reload();
    await expect(page.getByRole('switch', { name: 'Medium-level threats' })).toBeChecked();
  });

  test('is refused System and the Audit log by address, and main refuses their calls', async ({ openConsole, page }) => {
    await openConsole('', { as: 'restricted' });
    for (const { label, hash } of FULL_ONLY) {
      await openConsole(hash, { as: 'restricted' });
      await expect(page.getByRole('heading', { level: 1, name: "You don't have access to this page" })).toBeVisible();
      await expect(page.getByText(`${label} is not available with your role (Restricted access).`)).toBeVisible();
      await expect(page.getByRole('heading', { level: 1, name: label, exact: true })).toHaveCount(0);
    }
    await page.getByRole('link', { name: 'Go to the dashboard' }).click();
    await expect(page.getByRole('heading', { level: 1, name: 'Dashboard' })).toBeVisible();
    for (const channel of ['settings.get', 'audit.list', 'connector.delete']) {
      expect(await callFromTab(page, channel, channel === 'audit.list' ? {} : undefined)).toMatchObject({ ok: false, error: { code: 'forbidden' } });
    }
  });
});

test.describe('a member of neither access group', () => {
  test('is refused with a message naming the two groups to join', async ({ openConsole, page }) => {
    await openConsole('', { as: 'outsider' });
    const error = signInError(page);
    await expect(error).toContainText("'MTD Console Full Access'");
    await expect(error).toContainText("'MTD Console Restricted Access'");
    await expect(signInHeading(page)).toBeVisible();
    await expect(navigation(page)).toHaveCount(0);
    await expect(page.getByRole('banner').getByRole('button', { name: 'Sign out' })).toHaveCount(0);
  });
});

test.describe('signing out', () => {
  test('returns to the sign-in screen, and the console stays closed until someone signs in again', async ({ openConsole, page }) => {
    await openConsole('#/audit-log');
    await expect(page.getByRole('heading', { level: 1, name: 'Audit log' })).toBeVisible();
    await signOut(page);
    await expect(navigation(page)).toHaveCount(0);
    await expect(page.getByRole('banner')).not.toContainText(DEMO_USERS.fullaccess.displayName);
    await page.reload();
    await expect(signInHeading(page)).toBeVisible();
    expect(await callFromTab(page, 'audit.list', {})).toMatchObject({ ok: false, error: { code: 'unauthenticated' } });

    // The next user starts on the dashboard, not on the page the last one left open.
    await page.getByRole('radio', { name: DEMO_USERS.restricted.upn }).check();
    await page.getByRole('button', { name: 'Sign in', exact: true }).click();
    await expect(page.getByRole('heading', { level: 1, name: 'Dashboard' })).toBeVisible();
    await expect(page.getByRole('banner')).toContainText('Restricted access');
  });
});

test.describe('a session main has ended', () => {
  test('brings back the sign-in screen at the next call main refuses', async ({ openConsole, page, core }) => {
    await openConsole('#/security-policy');
    await expect(page.getByLabel('Risk level of TROJAN')).toBeEnabled();
    // Main ends the session on its own (as when the sign-in's token cannot be renewed).
    await core.dispatcher.dispatch('session.signOut', undefined, core.session());
    await page.getByLabel('Risk level of TROJAN').selectOption('Low');
    await expect(signInHeading(page)).toBeVisible();
    await expect(navigation(page)).toHaveCount(0);
  });
});
