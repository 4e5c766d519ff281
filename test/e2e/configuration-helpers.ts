// What a new user does on the configuration screens, step by step, by role and label.
import type { Page } from '@playwright/test';
import { expect } from './fixtures';

/** The directory's spelling of the demo tenant's main enrollment group. */
export const MOBILE_USERS = 'Mobile Users';

export async function openModule(page: Page, label: string): Promise<void> {
  await page.getByRole('navigation', { name: 'Modules' }).getByRole('link', { name: label, exact: true }).click();
  await expect(page.getByRole('heading', { level: 1, name: label })).toBeVisible();
}

export async function showTab(page: Page, name: 'Connection Settings' | 'Enrollment Management' | 'State Sync' | 'Error Management'): Promise<void> {
  const tab = page.getByRole('tab', { name });
  await tab.click();
  await expect(tab).toHaveAttribute('aria-selected', 'true');
}

/** Empty state, "Add connector", "Microsoft Intune": the connector form opens with its defaults. */
export async function startIntuneConnector(page: Page): Promise<void> {
  await expect(page.getByRole('status', { name: 'No connector has been added.' })).toBeVisible();
  await page.getByRole('button', { name: 'Add connector' }).click();
  await page.getByRole('menuitem', { name: 'Microsoft Intune' }).click();
  await expect(page.getByRole('heading', { name: 'Microsoft Intune connector' })).toBeVisible();
}

export async function addGroup(page: Page, name: string): Promise<void> {
  await page.getByLabel('Enrollment group name').fill(name);
  await page.getByRole('button', { name: 'Add group' }).click();
}

export async function addRecipient(page: Page, address: string): Promise<void> {
  await page.getByLabel('Error report recipient', { exact: true }).fill(address);
  await page.getByLabel('Error report recipient', { exact: true }).press('Enter');
}

export function groupList(page: Page) {
  return page.getByRole('list', { name: 'Enrollment groups' });
}

export function recipientList(page: Page) {
  return page.getByRole('list', { name: 'Error report recipients' });
}

/** The connector form's Save (exact: the Error Management tab also has "Save SMTP server"). */
export async function save(page: Page): Promise<void> {
  await page.getByRole('button', { name: 'Save', exact: true }).click();
}

export async function expectSaved(page: Page): Promise<void> {
  await expect(page.getByText('Saved', { exact: true })).toBeVisible();
}

/** A connector that saves: the groups (Mobile Users unless told) and one recipient on top of the defaults. */
export async function createMinimalConnector(page: Page, groups: readonly string[] = [MOBILE_USERS]): Promise<void> {
  await startIntuneConnector(page);
  await showTab(page, 'Enrollment Management');
  for (const group of groups) await addGroup(page, group);
  await showTab(page, 'Error Management');
  await addRecipient(page, 'secops@contoso.com');
  await save(page);
  await expectSaved(page);
}
