// A real tenant profile polling as the app registration with a certificate, as a new admin
// sets it up: the certificate made with openssl, its public half uploaded to the app
// registration (here: given to the demo tenant served by another process), and the PEM with
// its key given to the console, chosen as a file.
import fs from 'node:fs';
import path from 'node:path';
import type { Page } from '@playwright/test';
import { MOBILE_USERS, createMinimalConnector, openModule } from './configuration-helpers';
import { POLL, stateCounts, stateList, truthCounts } from './dashboard-helpers';
import { recordConsentOn } from './fixtures';
import { DEMO_USERS, signInAs, signInWithMicrosoft, signOutButton, tenantSwitcher as switcher } from './sign-in';
import { expect, test as tenantTest } from './tenant-fixtures';
import { selfSignedCertificate, type SelfSignedCertificate } from '../support/self-signed-certificate';
import { makeTempDir } from '../support/temp-dir';

const PROFILE = 'Fabrikam unattended';
const FULL_GROUP = 'MTD Console Full Access';
const CERTIFICATE_FIELD = 'Client certificate (PEM)';
const CHOOSE_FILE = 'Choose PEM file…';

const test = tenantTest.extend<{ certificate: SelfSignedCertificate }>({
  // eslint-disable-next-line no-empty-pattern
  certificate: async ({}, use) => {
    // Within the console's warning window, so the Access page says it expires soon.
    await use(selfSignedCertificate({ subject: '/CN=MTD Console polling', days: 20 }));
  },
  // The certificate's public half, as the admin uploads it under Certificates & secrets > Certificates.
  foreignArgs: async ({ certificate }, use) => {
    const temp = makeTempDir('mtd-console-app-certificate-');
    const file = path.join(temp.dir, 'mtd-console-polling.cer');
    fs.writeFileSync(file, certificate.certificatePem);
    await use(['--app-certificate', file]);
    temp.cleanup();
  },
});

function field(page: Page, name: string) {
  return page.getByRole('textbox', { name, exact: true });
}

/** "Choose PEM file…" and the system's file dialog, answered with this file. */
async function chooseFile(page: Page, name: string, contents: string | Buffer): Promise<void> {
  const chooser = page.waitForEvent('filechooser');
  await page.getByRole('button', { name: CHOOSE_FILE }).click();
  await (await chooser).setFiles({ name, mimeType: 'application/x-pem-file', buffer: Buffer.isBuffer(contents) ? contents : Buffer.from(contents) });
}

test.describe('a real tenant profile polling with a certificate', () => {
  test.setTimeout(180_000);

  test('add it with a PEM file (bad ones named on the field), consent, poll unattended, and the thumbprint to match in the Entra admin center', async ({ page, context, foreign, twin, certificate, run, open }) => {
    const groupId = (name: string) => twin.data.groups.find((group) => group.displayName === name)!.id;

    await recordConsentOn(run().core);
    await open(page);
    await signInAs(page, 'fullaccess');
    await switcher(page).click();
    await page.getByRole('menuitem', { name: 'Manage tenants' }).click();
    await page.getByRole('button', { name: 'Add tenant' }).first().click();
    await field(page, 'Profile name').fill(PROFILE);
    await field(page, 'Tenant ID or domain').fill(foreign.credentials.tenantId);
    await field(page, 'Application (client) ID').fill(foreign.credentials.clientId);
    await field(page, 'Lookout application key').fill(foreign.credentials.mraAppKey);
    await field(page, 'Full-access group object ID').fill(groupId(FULL_GROUP));

    // The third polling identity; the file button and the PEM field come next in Tab order.
    const identity = page.getByRole('radio', { name: 'App with a certificate' });
    await identity.check();
    await expect(page.getByRole('radiogroup', { name: 'Polling identity' })).toHaveAccessibleDescription(/Microsoft recommends a certificate over a secret/);
    const pem = field(page, CERTIFICATE_FIELD);
    await expect(pem).toHaveAccessibleDescription(/Certificates & secrets > Certificates.*never shown again/);
    await identity.focus();
    await page.keyboard.press('Tab');
    await expect(page.getByRole('button', { name: CHOOSE_FILE })).toBeFocused();
    await page.keyboard.press('Tab');
    await expect(pem).toBeFocused();

    // The certificate alone, pasted: the rule's words on the field, and nothing added.
    await pem.fill(certificate.certificatePem);
    await page.getByRole('button', { name: 'Add tenant' }).last().click();
    await expect(pem).toHaveAccessibleDescription(/^Client certificate must hold the private key too \(-----BEGIN PRIVATE KEY-----\), in the same PEM file/);
    await expect(page.getByRole('table', { name: 'Tenant profiles' })).not.toContainText(PROFILE);

    // A file over the limit is refused without being read; a .cer file is named for what it lacks.
    await chooseFile(page, 'bundle.pem', Buffer.alloc(33 * 1024, 'A'));
    await expect(pem).toHaveAccessibleDescription(/^bundle\.pem: Client certificate has at most 32768 characters\./);
    await expect(pem).toHaveValue(certificate.certificatePem);
    await chooseFile(page, 'mtd-console-polling.cer', certificate.certificatePem);
    await expect(pem).toHaveAccessibleDescription(/^mtd-console-polling\.cer: Client certificate must hold the private key too/);

    // The PEM with the certificate and its key, as a file.
    await chooseFile(page, 'mtd-console-polling.pem', certificate.pem);
    await expect(pem).toHaveAccessibleDescription(/^mtd-console-polling\.pem: certificate and key found\./);
    await page.getByRole('button', { name: 'Add tenant' }).last().click();
    await page.getByRole('button', { name: `Switch to ${PROFILE}` }).click();
    await expect(switcher(page)).toHaveAccessibleName(`Tenant: ${PROFILE}`);

    // The Global Administrator signs in and grants consent for the tenant.
    await signInWithMicrosoft(page, context, DEMO_USERS.globaladmin.upn);
    await expect(page.getByRole('heading', { level: 1, name: 'Permissions requested' })).toBeVisible();
    const consentTab = context.waitForEvent('page');
    await page.getByRole('button', { name: 'Accept' }).click();
    const consentPage = await consentTab;
    await consentPage.getByRole('button', { name: `Sign in as ${DEMO_USERS.globaladmin.upn}` }).click();
    await consentPage.getByRole('button', { name: 'Accept' }).click();
    await consentPage.waitForURL(/^http:\/\/localhost:\d+\/adminconsent\?/);
    await expect(signOutButton(page)).toBeVisible();

    // The full-access member has no Intune role: a delegated poll would be refused, the app's is not.
    await signOutButton(page).click();
    await signInWithMicrosoft(page, context, DEMO_USERS.fullaccess.upn);
    await expect(page.getByRole('banner')).toContainText(DEMO_USERS.fullaccess.displayName);

    // Poll as the app with its certificate: the dashboard equals the tenant's truth.
    await openModule(page, 'Connectors');
    await createMinimalConnector(page);
    await openModule(page, 'Dashboard');
    await expect(stateList(page)).toBeVisible(POLL);
    await expect.poll(() => stateCounts(page), POLL).toEqual(truthCounts(twin, [MOBILE_USERS]));

    // Access: the stored certificate's thumbprint, to match with the app registration; its key is never shown.
    await openModule(page, 'Access');
    const uploaded = (foreign.credentials as typeof foreign.credentials & { appCertificateThumbprint?: string }).appCertificateThumbprint;
    expect(uploaded).toBe(certificate.thumbprintSha256);
    const stored = page.getByRole('definition').filter({ hasText: /^[0-9A-F]{64}$/ });
    await expect(stored).toHaveText(certificate.thumbprintSha256);
    await expect(page.locator('main')).toContainText('Client certificate: set');
    await expect(page.locator('main')).toContainText('CN=MTD Console polling');
    await expect(page.getByText(/^The certificate expires on .+ Make a new one, upload it to the app registration/)).toBeVisible();
    await expect(page.getByRole('radio', { name: 'App with a certificate' })).toBeChecked();
    await expect(field(page, CERTIFICATE_FIELD)).toHaveValue('');
    await expect(field(page, CERTIFICATE_FIELD)).toHaveAccessibleDescription(/A certificate is stored/);
    const keyLine = certificate.privateKeyPem.split('\n')[1]!;
    expect(await page.content()).not.toContain(keyLine);
    await page.getByRole('button', { name: 'Test connection' }).click();
    await expect(page.locator('main')).toContainText(/: (\d+) of \1 checks passed\./);
  });
});
