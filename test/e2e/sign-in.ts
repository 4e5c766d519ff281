// Signing in as a new user does it: the sign-in screen, a demo user, "Sign in".
import { expect, type BrowserContext, type Page } from '@playwright/test';

export type DemoUserKey = 'globaladmin' | 'fullaccess' | 'restricted' | 'outsider';

/** The embedded demo tenant's sign-in users, as the sign-in screen and the header show them. */
export const DEMO_USERS: Readonly<Record<DemoUserKey, { upn: string; displayName: string }>> = {
  globaladmin: { upn: 'globaladmin@contoso.example', displayName: 'Gabriel Admin' },
  fullaccess: { upn: 'fullaccess@contoso.example', displayName: 'Farah Fullaccess' },
  restricted: { upn: 'restricted@contoso.example', displayName: 'Rémi Restricted' },
  outsider: { upn: 'outsider@contoso.example', displayName: 'Olga Outsider' },
};

export const SIGN_IN_HEADING = 'Sign in to MTD Connector Console';

export function signInHeading(page: Page) {
  return page.getByRole('heading', { level: 1, name: SIGN_IN_HEADING });
}

export function signOutButton(page: Page) {
  return page.getByRole('banner').getByRole('button', { name: 'Sign out' });
}

/** The sign-in screen's error: the server's message, in an alert. */
export function signInError(page: Page) {
  return page.getByRole('alert');
}

/** On the sign-in screen: chooses the demo user and clicks "Sign in" (what follows is the caller's to check). */
export async function chooseAndSignIn(page: Page, user: DemoUserKey): Promise<void> {
  await expect(signInHeading(page)).toBeVisible();
  await page.getByRole('radio', { name: DEMO_USERS[user].upn }).check();
  await page.getByRole('button', { name: 'Sign in', exact: true }).click();
}

/** Signs in through the sign-in screen and waits until the console shows the user in its header. */
export async function signInAs(page: Page, user: DemoUserKey): Promise<void> {
  await chooseAndSignIn(page, user);
  const signedIn = signOutButton(page);
  await expect(signedIn.or(signInError(page))).toBeVisible();
  if (!(await signedIn.isVisible())) {
    throw new Error(`${DEMO_USERS[user].upn} could not sign in: ${await signInError(page).innerText()}`);
  }
  await expect(page.getByRole('banner')).toContainText(DEMO_USERS[user].displayName);
}

export async function signOut(page: Page): Promise<void> {
  await signOutButton(page).click();
  await expect(signInHeading(page)).toBeVisible();
}

/** The header's tenant switcher, named after the active profile. */
export function tenantSwitcher(page: Page) {
  return page.getByRole('button', { name: /^Tenant: / });
}

/** "Sign in with Microsoft", then the tenant's own sign-in page in the new tab: the account, and back. */
export async function signInWithMicrosoft(page: Page, context: BrowserContext, upn: string): Promise<void> {
  const tab = context.waitForEvent('page');
  await page.getByRole('button', { name: 'Sign in with Microsoft' }).click();
  const signInPage = await tab;
  await signInPage.getByRole('button', { name: `Sign in as ${upn}` }).click();
  await signInPage.waitForLoadState();
  await expect(signInPage.getByText(/signed in|close this (tab|window)/i).first()).toBeVisible();
  // The tab stays open, as a person leaves it; closing pages while Playwright traces loses the trace.
}
