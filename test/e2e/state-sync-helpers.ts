// Drift made the way it happens for real: someone else writes another partner state to
// Intune, and a full poll of the console reads it; the demo clock is held so that poll
// carries no state sync of its own.
import type { Page } from '@playwright/test';
import type { DemoTenant } from '../../electron/demo-tenant/demo-tenant';
import type { DemoDevice } from '../../electron/demo-tenant/tenant-model';
import { openModule } from './configuration-helpers';
import { advance, POLL, setSpeed } from './dashboard-helpers';
import { expect } from './fixtures';

/** From the Dashboard: the demo clock paused, then one poll (with state sync, as an hour has passed) at that moment. */
export async function holdTheClock(page: Page): Promise<void> {
  await setSpeed(page, 'Paused');
  await advance(page, 'Advance 1 hour');
}

/** Devices the console reported as Secured, as Intune lists them now. */
export function securedInIntune(tenant: DemoTenant, count: number): DemoDevice[] {
  const devices = tenant.data.devices.filter((device) => device.partnerReportedThreatState === 'secured').slice(0, count);
  expect(devices).toHaveLength(count);
  return devices;
}

/** System > Connectors, Full poll, and waits until it has finished. */
export async function fullPoll(page: Page): Promise<void> {
  await openModule(page, 'Connectors');
  const card = page.getByRole('region', { name: 'Polling engine' });
  const last = card.getByRole('region', { name: 'Last poll' }).getByText(/poll, finished/);
  await expect(last).toBeVisible(POLL);
  const before = await last.innerText();
  await card.getByRole('button', { name: 'Full poll' }).click();
  await expect(last).not.toHaveText(before, POLL);
  await expect(last).toContainText('Full poll');
  await expect(card.getByRole('status')).toHaveText(/^Running: waiting for the next poll\./, POLL);
}
