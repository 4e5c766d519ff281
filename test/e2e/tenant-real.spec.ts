// A real tenant profile, as a new admin uses it: the tenant is the demo tenant served by
// another process, reached only through MTD_CONSOLE_ENDPOINTS, which has never consented
// to the console. Sign-in with Microsoft happens in a new tab, on the tenant's own pages.
import type { Page } from '@playwright/test';
import { DEMO_CONSENT_PATH } from '../../electron/demo-tenant/serve-demo-tenant';
import { MOBILE_USERS, createMinimalConnector, openModule } from './configuration-helpers';
import { POLL, stateCounts, stateList, truthCounts } from './dashboard-helpers';
import { recordConsentOn } from './fixtures';
import { DEMO_USERS, signInAs, signInWithMicrosoft, signOutButton, tenantSwitcher as switcher } from './sign-in';
import { expect, test } from './tenant-fixtures';
import { FULL_GROUP, PROFILE, RESTRICTED_GROUP, grantConsentAsGlobalAdmin, textField as field } from './tenant-real-helpers';


async function switchTenant(page: Page, name: string): Promise<void> {
  await switcher(page).click();
  await page.getByRole('menuitemradio', { name }).click();
  await expect(switcher(page)).toHaveAccessibleName(`Tenant: ${name}`);
}

test.describe('a real tenant profile', () => {
  test.setTimeout(240_000);

  test('add, consent, sign in, poll, roles, silent sign-in, revoked consent, no Intune role, and the demo tenant kept apart', async ({ page, context, foreign, twin, demo, run, restart, open }) => {
    const groupId = (name: string) => twin.data.groups.find((group) => group.displayName === name)!.id;

    // On the demo tenant, as its full-access member: Tenants > Add tenant.
    await recordConsentOn(run().core);
    await open(page);
    await signInAs(page, 'fullaccess');
    await expect(switcher(page)).toHaveAccessibleName('Tenant: Demo tenant (Contoso)');
    await switcher(page).click();
    await page.getByRole('menuitem', { name: 'Manage tenants' }).click();
    await expect(page.getByRole('heading', { level: 1, name: 'Tenants' })).toBeVisible();
    await page.getByRole('button', { name: 'Add tenant' }).first().click();
    await field(page, 'Profile name').fill(PROFILE);
    await field(page, 'Tenant ID or domain').fill(foreign.credentials.tenantId);
    await field(page, 'Application (client) ID').fill('not-a-guid');
    await field(page, 'Lookout application key').fill(foreign.credentials.mraAppKey);
    await field(page, 'Full-access group object ID').fill(groupId(FULL_GROUP));
    await field(page, 'Restricted-access group object ID').fill(groupId(RESTRICTED_GROUP));
    await page.getByRole('button', { name: 'Add tenant' }).last().click();
    // Bad input names the field and its rule, and nothing is added.
    await expect(page.getByText(/Application \(client\) ID must be a GUID/)).toBeVisible();
    await field(page, 'Application (client) ID').fill(foreign.credentials.clientId);
    await page.getByRole('button', { name: 'Add tenant' }).last().click();
    await page.getByRole('button', { name: `Switch to ${PROFILE}` }).click();
    await expect(switcher(page)).toHaveAccessibleName(`Tenant: ${PROFILE}`);

    // Before consent: a full-access member is refused, saying consent is missing.
    await signInWithMicrosoft(page, context, DEMO_USERS.fullaccess.upn);
    await expect(page.getByRole('alert')).toContainText(/consent .*has not been granted/i);

    // The Global Administrator: the consent page, Accept, Microsoft's admin consent page, and Full access.
    await grantConsentAsGlobalAdmin(page, context);
    expect(await (await fetch(`${foreign.origin}${DEMO_CONSENT_PATH}`)).json()).toMatchObject({ granted: true });

    // Poll the tenant: the connector, then the dashboard equals the tenant's truth.
    await openModule(page, 'Connectors');
    await createMinimalConnector(page);
    await openModule(page, 'Dashboard');
    await expect(stateList(page)).toBeVisible(POLL);
    await expect.poll(() => stateCounts(page), POLL).toEqual(truthCounts(twin, [MOBILE_USERS]));
    const realCounts = await stateCounts(page);

    // The restricted member gets Restricted; the outsider is refused with the groups to join.
    await signOutButton(page).click();
    await signInWithMicrosoft(page, context, DEMO_USERS.restricted.upn);
    await expect(page.getByRole('banner')).toContainText('Restricted');
    await signOutButton(page).click();
    await signInWithMicrosoft(page, context, DEMO_USERS.outsider.upn);
    await expect(page.getByRole('alert')).toContainText(/not a member of the console's access groups/);

    // The admin signs in again; after a restart the console signs them in silently.
    await signInWithMicrosoft(page, context, DEMO_USERS.globaladmin.upn);
    await expect(signOutButton(page)).toBeVisible();
    await restart(page);
    await expect(page.getByRole('banner')).toContainText(DEMO_USERS.globaladmin.displayName);
    await expect(switcher(page)).toHaveAccessibleName(`Tenant: ${PROFILE}`);

    // The full-access member has no Intune role: Test connection says so, in words.
    await signOutButton(page).click();
    await signInWithMicrosoft(page, context, DEMO_USERS.fullaccess.upn);
    await expect(signOutButton(page)).toBeVisible();
    await openModule(page, 'Access');
    await page.getByRole('button', { name: 'Test connection' }).click();
    await expect(page.locator('main')).toContainText(/no Intune role/i);

    // Consent revoked in the tenant: the refused permission is named.
    expect((await fetch(`${foreign.origin}${DEMO_CONSENT_PATH}`, { method: 'DELETE' })).status).toBeLessThan(300);
    await page.getByRole('button', { name: 'Test connection' }).click();
    await expect(page.locator('main')).toContainText(/missing permission|consent/i);

    // The demo tenant and this one keep their inventories apart: each dashboard equals its own tenant's truth.
    await switchTenant(page, 'Demo tenant (Contoso)');
    await signInAs(page, 'fullaccess');
    await openModule(page, 'Connectors');
    await createMinimalConnector(page);
    await openModule(page, 'Dashboard');
    await expect.poll(() => stateCounts(page), POLL).toEqual(truthCounts(demo, [MOBILE_USERS]));
    await switchTenant(page, PROFILE);
    await expect(page.getByRole('banner')).toContainText(DEMO_USERS.fullaccess.displayName);
    await openModule(page, 'Dashboard');
    await expect.poll(() => stateCounts(page), POLL).toEqual(realCounts);
  });
});
