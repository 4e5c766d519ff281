// A classification change as an admin makes it with devices enrolled: Security Policy counts the
// open threats per classification, asks with the number of devices whose level changes, and once
// confirmed the dashboard's threat levels follow at once, with the demo clock held and no poll.
import type { Page } from '@playwright/test';
import type { DemoTenant } from '../../electron/demo-tenant/demo-tenant';
import { DEFAULT_THREAT_CLASSIFICATIONS, type RiskLevel } from '../../shared/domain/threat-classifications';
import { truth } from '../support/tenant-truth';
import { MOBILE_USERS, openModule } from './configuration-helpers';
import { advance, connectorAndFirstPoll, countsIn, setSpeed, type Counts } from './dashboard-helpers';
import { expect, test } from './fixtures';

type Levels = Partial<Record<string, RiskLevel>>;
const LABELS = { secured: 'Secured', low: 'Low', medium: 'Medium', high: 'High' } as const;

/** The dashboard's threat level counts the tenant's own model gives under these levels (protected devices only). */
function levelCounts(tenant: DemoTenant, levels: Levels): Counts {
  const counts: Counts = { Secured: 0, Low: 0, Medium: 0, High: 0 };
  for (const row of truth(tenant, [MOBILE_USERS], { levels }).values()) {
    if (row.state === 'active' || row.state === 'disconnected') counts[LABELS[row.level]]! += 1;
  }
  return counts;
}

/** How many listed devices change level between two sets of levels. */
function devicesChanging(tenant: DemoTenant, from: Levels, to: Levels): number {
  const before = truth(tenant, [MOBILE_USERS], { levels: from });
  return [...truth(tenant, [MOBILE_USERS], { levels: to })].filter(([id, row]) => row.level !== before.get(id)!.level).length;
}

/** The default-High classification whose move to None changes the most devices, and by how many. */
function busiestHighClassification(tenant: DemoTenant): { classification: string; devices: number } {
  let best = { classification: '', devices: -1 };
  for (const entry of DEFAULT_THREAT_CLASSIFICATIONS.filter((e) => e.level === 'High')) {
    const devices = devicesChanging(tenant, {}, { [entry.classification]: 'None' });
    if (devices > best.devices) best = { classification: entry.classification, devices };
  }
  return best;
}

const threatLevels = (page: Page) => countsIn(page, 'Device counts by threat level');

test.describe('Security Policy re-rates at once', () => {
  test('asks with the number of devices that change level, and the dashboard follows without a poll', async ({ openConsole, page, demoTenant }) => {
    test.setTimeout(120_000);
    await connectorAndFirstPoll(page, openConsole);
    // The demo clock stands still after one poll at that moment: the tenant's truth holds still.
    await setSpeed(page, 'Paused');
    await advance(page, 'Advance 1 hour');
    await expect.poll(() => threatLevels(page)).toEqual(levelCounts(demoTenant, {}));
    const lastPoll = await page.getByRole('region', { name: 'Connector health', exact: true }).getByText(/^Device states as of /).innerText();

    const { classification, devices } = busiestHighClassification(demoTenant);
    expect(devices).toBeGreaterThan(0);
    await openModule(page, 'Security Policy');
    const open = page.getByLabel(new RegExp(`^\\d+ open threats? of ${classification}$`));
    await expect(open).toBeVisible();
    expect(Number(await open.innerText())).toBeGreaterThan(0);

    // Cancel keeps the level as it was.
    const level = page.getByLabel(`Risk level of ${classification}`);
    await level.selectOption('None');
    const dialog = page.getByRole('alertdialog', { name: `Change ${classification} to None?` });
    await expect(dialog).toContainText(devices === 1 ? '1 device changes threat level at once.' : `${devices} devices change threat level at once.`);
    await dialog.getByRole('button', { name: 'Cancel' }).click();
    await expect(dialog).toHaveCount(0);
    await expect(level).toHaveValue('High');

    await level.selectOption('None');
    await dialog.getByRole('button', { name: 'Change level' }).click();
    await expect(page.getByText(`${classification} is now None. ${devices === 1 ? '1 device changed' : `${devices} devices changed`} threat level.`)).toBeVisible();
    await expect(level).toHaveValue('None');

    // The dashboard's threat levels are those of the new level, and the inventory was not polled again.
    await openModule(page, 'Dashboard');
    const expected = levelCounts(demoTenant, { [classification]: 'None' });
    await expect.poll(() => threatLevels(page)).toEqual(expected);
    await expect(page.getByRole('region', { name: 'Connector health', exact: true }).getByText(/^Device states as of /)).toHaveText(lastPoll);
  });

  test('a level change that re-rates no device is saved without a question', async ({ openConsole, page }) => {
    // No connector: no device has a threat, so nothing is re-rated and nothing is asked.
    await openConsole('#/security-policy');
    await expect(page.getByLabel('0 open threats of TROJAN')).toBeVisible();
    await page.getByLabel('Risk level of TROJAN').selectOption('Medium');
    await expect(page.getByText('TROJAN is now Medium. No device changed threat level.')).toBeVisible();
    await expect(page.getByRole('alertdialog')).toHaveCount(0);
  });
});
