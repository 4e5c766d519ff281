// Connectors > Error Management: the SMTP server that error reports and threat e-mails go
// through. Refused values name the rule and save nothing; a stored password is never shown back.
import type { Page } from '@playwright/test';
import { expect, test } from './fixtures';
import { createMinimalConnector, showTab } from './configuration-helpers';

const PASSWORD = 'Tr0ub4dor&3-smtp';
const STORED = 'A password is stored. Type a new one to replace it.';
const KEPT_BY = /The password is stored encrypted by the operating system's key store\.|The password is kept only until the app quits: no key store is available on this system\./;

function smtpSection(page: Page) {
  return page.getByRole('region', { name: 'SMTP server' });
}

async function openErrorManagement(page: Page): Promise<void> {
  await expect(page.getByRole('heading', { name: 'Microsoft Intune connector' })).toBeVisible();
  await showTab(page, 'Error Management');
  await expect(smtpSection(page).getByLabel('Host')).toBeVisible();
}

test.describe('System > Connectors > Error Management: SMTP server', () => {
  test('refuses an out-of-range port with the rule, and saves nothing', async ({ openConsole, page }) => {
    await openConsole('#/system/connectors');
    await createMinimalConnector(page);
    const smtp = smtpSection(page);
    await expect(smtp.getByLabel('Port')).toHaveValue('587');
    await expect(smtp.getByText('No password is stored.')).toBeVisible();
    await expect(smtp.getByRole('button', { name: 'Remove SMTP server' })).toHaveCount(0);

    await smtp.getByLabel('Host').fill('smtp.contoso.com');
    await smtp.getByLabel('Port').fill('70000');
    await smtp.getByLabel('From address').fill('mtd-console@contoso.com');
    await smtp.getByRole('button', { name: 'Save SMTP server' }).click();
    await expect(smtp.getByText('SMTP port must be a whole number from 1 to 65535.')).toBeVisible();
    await expect(smtp.getByText('Nothing was saved: 1 field needs attention.')).toBeVisible();
    await expect(smtp.getByLabel('Port')).toHaveValue('70000');

    // Each field names its own rule.
    await smtp.getByLabel('Port').fill('0');
    await smtp.getByLabel('From address').fill('not an address');
    await smtp.getByRole('button', { name: 'Save SMTP server' }).click();
    await expect(smtp.getByText('Nothing was saved: 2 fields need attention.')).toBeVisible();
    await expect(smtp.getByText('SMTP port must be a whole number from 1 to 65535.')).toBeVisible();
    await expect(smtp.getByText('Sender address must be a valid e-mail address, such as mtd-console@contoso.com.')).toBeVisible();

    await page.reload();
    await openErrorManagement(page);
    await expect(smtpSection(page).getByLabel('Host')).toHaveValue('');
    await expect(smtpSection(page).getByLabel('Port')).toHaveValue('587');
  });

  test('saves the server with a password it never shows back, and removes it after confirmation', async ({ openConsole, page }) => {
    await openConsole('#/system/connectors');
    await createMinimalConnector(page);
    let smtp = smtpSection(page);
    await smtp.getByLabel('Host').fill('smtp.contoso.com');
    await smtp.getByLabel('Port').fill('465');
    await smtp.getByLabel('Security').selectOption({ label: 'TLS from the start (usually port 465)' });
    await smtp.getByLabel('User name').fill('mtd-mailer');
    await smtp.getByLabel('From address').fill('mtd-console@contoso.com');
    await smtp.getByLabel('Password', { exact: true }).fill(PASSWORD);
    await smtp.getByRole('button', { name: 'Save SMTP server' }).click();

    await expect(smtp.getByText('SMTP server saved.')).toBeVisible();
    await expect(smtp.getByLabel('Password', { exact: true })).toHaveValue('');
    await expect(smtp.getByLabel('Password', { exact: true })).toHaveAttribute('placeholder', STORED);
    await expect(smtp.getByText(KEPT_BY)).toBeVisible();
    expect(await page.content()).not.toContain(PASSWORD);

    await page.reload();
    await openErrorManagement(page);
    smtp = smtpSection(page);
    await expect(smtp.getByLabel('Host')).toHaveValue('smtp.contoso.com');
    await expect(smtp.getByLabel('Port')).toHaveValue('465');
    await expect(smtp.getByLabel('Security')).toHaveValue('tls');
    await expect(smtp.getByLabel('User name')).toHaveValue('mtd-mailer');
    await expect(smtp.getByLabel('From address')).toHaveValue('mtd-console@contoso.com');
    await expect(smtp.getByLabel('Password', { exact: true })).toHaveValue('');
    await expect(smtp.getByLabel('Password', { exact: true })).toHaveAttribute('placeholder', STORED);
    await expect(smtp.getByText(KEPT_BY)).toBeVisible();
    expect(await page.content()).not.toContain(PASSWORD);

    // Enter in a field saves this section (not the connector around it); an empty password keeps the stored one.
    const connectorSaves: string[] = [];
    page.on('request', (request) => {
      if (request.url().endsWith('/api/call/connector.save')) connectorSaves.push(request.url());
    });
    await smtp.getByLabel('Host').fill('smtp2.contoso.com');
    await smtp.getByLabel('Host').press('Enter');
    await expect(smtp.getByText('SMTP server saved.')).toBeVisible();
    expect(connectorSaves).toEqual([]);
    await expect(smtp.getByLabel('Password', { exact: true })).toHaveAttribute('placeholder', STORED);

    // Removal asks first; Cancel keeps the server.
    await smtp.getByRole('button', { name: 'Remove SMTP server' }).click();
    const dialog = page.getByRole('alertdialog', { name: 'Remove the SMTP server?' });
    await dialog.getByRole('button', { name: 'Cancel' }).click();
    await expect(dialog).toHaveCount(0);
    await expect(smtp.getByLabel('Host')).toHaveValue('smtp2.contoso.com');

    await smtp.getByRole('button', { name: 'Remove SMTP server' }).click();
    await dialog.getByRole('button', { name: 'Remove', exact: true }).click();
    await expect(smtp.getByText('The SMTP server was removed.')).toBeVisible();
    await expect(smtp.getByLabel('Host')).toHaveValue('');
    await expect(smtp.getByLabel('Host')).toBeFocused();
    await expect(smtp.getByText('No password is stored.')).toBeVisible();
    await expect(smtp.getByRole('button', { name: 'Remove SMTP server' })).toHaveCount(0);
    await page.reload();
    await openErrorManagement(page);
    await expect(smtpSection(page).getByLabel('Host')).toHaveValue('');
    await expect(smtpSection(page).getByText('No password is stored.')).toBeVisible();
  });

  test('clears the stored password when asked', async ({ openConsole, page }) => {
    await openConsole('#/system/connectors');
    await createMinimalConnector(page);
    const smtp = smtpSection(page);
    await smtp.getByLabel('Host').fill('smtp.contoso.com');
    await smtp.getByLabel('From address').fill('mtd-console@contoso.com');
    await smtp.getByLabel('Password', { exact: true }).fill(PASSWORD);
    await smtp.getByRole('button', { name: 'Save SMTP server' }).click();
    await expect(smtp.getByText(KEPT_BY)).toBeVisible();

    await smtp.getByRole('checkbox', { name: 'Clear stored password' }).check();
    await expect(smtp.getByLabel('Password', { exact: true })).toBeDisabled();
    await smtp.getByRole('button', { name: 'Save SMTP server' }).click();
    await expect(smtp.getByText('SMTP server saved.')).toBeVisible();
    await expect(smtp.getByText('No password is stored.')).toBeVisible();
    await expect(smtp.getByRole('checkbox', { name: 'Clear stored password' })).toHaveCount(0);
    await expect(smtp.getByLabel('Password', { exact: true })).not.toHaveAttribute('placeholder', STORED);
  });
});
