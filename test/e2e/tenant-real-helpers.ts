// The steps every real-tenant spec takes first: the foreign tenant added as a profile
// from the demo tenant's Tenants screen, and its Global Administrator's admin consent.
import type { BrowserContext, Page } from '@playwright/test';
import type { DemoTenant } from '../../electron/demo-tenant/demo-tenant';
import { recordConsentOn } from './fixtures';
import { DEMO_USERS, signInAs, signInWithMicrosoft, signOutButton, tenantSwitcher } from './sign-in';
import { expect, type TenantFixtures } from './tenant-fixtures';

export const PROFILE = 'Fabrikam';
export const FULL_GROUP = 'MTD Console Full Access';
export const RESTRICTED_GROUP = 'MTD Console Restricted Access';

export function textField(page: Page, name: string) {
  return page.getByRole('textbox', { name, exact: true });
}

/** Signed in on the demo tenant, Tenants > Add tenant with the foreign tenant's values, and switched to it. */
export async function addForeignProfile(page: Page, fixtures: Pick<TenantFixtures, 'foreign' | 'twin' | 'run' | 'open'>): Promise<void> {
  const { foreign, twin, run, open } = fixtures;
  const groupId = (name: string) => twin.data.groups.find((group) => group.displayName === name)!.id;
  await recordConsentOn(run().core);
  await open(page);
  await signInAs(page, 'fullaccess');
  await tenantSwitcher(page).click();
  await page.getByRole('menuitem', { name: 'Manage tenants' }).click();
  await page.getByRole('button', { name: 'Add tenant' }).first().click();
  await textField(page, 'Profile name').fill(PROFILE);
  await textField(page, 'Tenant ID or domain').fill(foreign.credentials.tenantId);
  await textField(page, 'Application (client) ID').fill(foreign.credentials.clientId);
  await textField(page, 'Lookout application key').fill(foreign.credentials.mraAppKey);
  await textField(page, 'Full-access group object ID').fill(groupId(FULL_GROUP));
  await textField(page, 'Restricted-access group object ID').fill(groupId(RESTRICTED_GROUP));
  await page.getByRole('button', { name: 'Add tenant' }).last().click();
  await page.getByRole('button', { name: `Switch to ${PROFILE}` }).click();
  await expect(tenantSwitcher(page)).toHaveAccessibleName(`Tenant: ${PROFILE}`);
}

/** The Global Administrator signs in, accepts the console's permissions, and grants admin consent on the tenant's own page. */
export async function grantConsentAsGlobalAdmin(page: Page, context: BrowserContext): Promise<void> {
  await signInWithMicrosoft(page, context, DEMO_USERS.globaladmin.upn);
  await expect(page.getByRole('heading', { level: 1, name: 'Permissions requested' })).toBeVisible();
  await expect(page.getByRole('list', { name: 'Permissions' })).toContainText('DeviceManagementManagedDevices.Read.All');
  const consentTab = context.waitForEvent('page');
  await page.getByRole('button', { name: 'Accept' }).click();
  const consentPage = await consentTab;
  await consentPage.getByRole('button', { name: `Sign in as ${DEMO_USERS.globaladmin.upn}` }).click();
  await expect(consentPage.getByRole('heading', { name: 'Permissions requested' })).toBeVisible();
  await consentPage.getByRole('button', { name: 'Accept' }).click();
  await consentPage.waitForURL(/^http:\/\/localhost:\d+\/adminconsent\?/);
  await expect(signOutButton(page)).toBeVisible();
  await expect(page.getByRole('banner')).toContainText(DEMO_USERS.globaladmin.displayName);
}

/** The foreign tenant's security groups whose name starts with the text, as the directory answers (any case). */
export function securityGroupsStartingWith(twin: DemoTenant, prefix: string): string[] {
  return twin.data.groups
    .filter((group) => group.securityEnabled && group.displayName.toLowerCase().startsWith(prefix.toLowerCase()))
    .map((group) => group.displayName)
    .sort();
}
