// What a new user does on the Dashboard and in Devices, by role and label, and the demo
// tenant's truth the screens are compared with.
import type { Page } from '@playwright/test';
import type { DemoTenant } from '../../electron/demo-tenant/demo-tenant';
import { truth, type TruthRow } from '../support/tenant-truth';
import { createMinimalConnector, MOBILE_USERS, openModule } from './configuration-helpers';
import { expect } from './fixtures';

export const STATES = ['Pending', 'Active', 'Disconnected', 'Deactivated'] as const;
export type StateLabel = (typeof STATES)[number];
export type Counts = Record<string, number>;

/** A poll of the demo tenant takes seconds; the first starts when the connector is saved. */
export const POLL = { timeout: 30_000 };

/** Adds the Intune connector on System > Connectors (the first poll starts), then opens the Dashboard and waits for its charts. */
export async function connectorAndFirstPoll(page: Page, openConsole: (hash?: string) => Promise<Page>): Promise<void> {
  await openConsole('#/system/connectors');
  await createMinimalConnector(page);
  await openModule(page, 'Dashboard');
  await expect(stateList(page)).toBeVisible(POLL);
}

export function region(page: Page, name: string) {
  return page.getByRole('region', { name, exact: true });
}

export function stateList(page: Page) {
  return page.getByRole('list', { name: 'Device counts by state' });
}

export function asOf(page: Page) {
  return region(page, 'Connector health').getByText(/^Device states as of /);
}

/** The counts a list of segment links shows: "Disconnected 12" → { Disconnected: 12 }. */
export async function countsIn(page: Page, listName: string): Promise<Counts> {
  const texts = await page.getByRole('list', { name: listName }).getByRole('link').allInnerTexts();
  return Object.fromEntries(
    texts.map((text) => {
      const match = /^\s*(.+?)\s+([\d,]+)\s*$/.exec(text);
      if (!match) throw new Error(`Not a count: ${JSON.stringify(text)}`);
      return [match[1]!, Number(match[2]!.replaceAll(',', ''))];
    }),
  );
}

export const stateCounts = (page: Page) => countsIn(page, 'Device counts by state');

/** The demo tenant's own counts now, per state label, for the connector's groups (Mobile Users). */
export function truthCounts(tenant: DemoTenant, groups: readonly string[] = [MOBILE_USERS]): Counts {
  const counts: Counts = { Pending: 0, Active: 0, Disconnected: 0, Deactivated: 0 };
  for (const row of truth(tenant, groups).values()) counts[label(row.state)]! += 1;
  return counts;
}

export function truthRows(tenant: DemoTenant, groups: readonly string[] = [MOBILE_USERS]): Map<string, TruthRow> {
  return truth(tenant, groups);
}

export function label(state: TruthRow['state']): StateLabel {
  return (state[0]!.toUpperCase() + state.slice(1)) as StateLabel;
}

/** Demo time: the speed radio ("Paused", "1 day per second"…). */
export async function setSpeed(page: Page, name: RegExp | string): Promise<void> {
  const radio = region(page, 'Demo time').getByRole('radio', { name });
  await radio.check();
  await expect(radio).toBeChecked();
  await expect(radio).toBeEnabled();
}

/** Demo time: "Advance 1 hour / 1 day / 7 days", then waits for the poll that follows to reach the dashboard. */
export async function advance(page: Page, name: 'Advance 1 hour' | 'Advance 1 day' | 'Advance 7 days'): Promise<void> {
  const before = await asOf(page).innerText();
  await region(page, 'Demo time').getByRole('button', { name }).click();
  await expect(asOf(page)).not.toHaveText(before, POLL);
}

/** The dashboard's state counts come to equal the tenant's truth (they follow each poll). */
export async function expectCountsMatchTruth(page: Page, tenant: DemoTenant): Promise<Counts> {
  const expected = truthCounts(tenant);
  await expect.poll(() => stateCounts(page), POLL).toEqual(expected);
  return expected;
}

export function devicesTotal(page: Page) {
  return page.getByRole('status').filter({ hasText: /^[\d,]+ devices?$/ });
}

export function deviceGrid(page: Page) {
  return page.getByRole('grid', { name: 'Devices' });
}

/** The data rows on screen (not the header row). */
export function deviceRows(page: Page) {
  return deviceGrid(page).locator('[role="row"][aria-rowindex]:not([aria-rowindex="1"])');
}

export function totalText(count: number): string {
  return `${count.toLocaleString('en')} ${count === 1 ? 'device' : 'devices'}`;
}
