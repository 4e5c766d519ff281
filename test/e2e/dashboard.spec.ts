// The Dashboard as a new user meets it: empty before a connector exists; after the first poll
// the counts by state equal the demo tenant's truth, each segment opens exactly its devices, and
// the demo clock moves devices from pending to active to disconnected with the charts following.
import fs from 'node:fs';
import type { DemoTenant } from '../../electron/demo-tenant/demo-tenant';
import { MOBILE_USERS, openModule } from './configuration-helpers';
import {
  advance,
  asOf,
  connectorAndFirstPoll,
  countsIn,
  deviceGrid,
  deviceRows,
  devicesTotal,
  expectCountsMatchTruth,
  POLL,
  region,
  setSpeed,
  stateCounts,
  stateList,
  totalText,
  truthRows,
} from './dashboard-helpers';
import { expect, test } from './fixtures';

const DAY = 86_400_000;

/** A device of Mobile Users that is pending now, activates within a day and goes silent soon after: it will be disconnected a week later. */
function deviceThatWillActivateThenGoSilent(tenant: DemoTenant): { id: string; name: string } {
  const now = tenant.clock.now();
  const users = new Set(tenant.data.groups.filter((group) => group.displayName === MOBILE_USERS).flatMap((group) => group.memberUserIds));
  const device = tenant.data.devices
    .filter((candidate) => {
      const agent = candidate.agent;
      return (
        users.has(candidate.userId) &&
        tenant.isDeviceInIntune(candidate) &&
        agent !== null &&
        agent.activateAt !== null &&
        agent.activateAt > now + 60 * 60_000 &&
        agent.activateAt < now + DAY - 60 * 60_000 &&
        agent.deactivateAt === null &&
        agent.silentFrom !== null &&
        agent.silentFrom < now + DAY &&
        agent.silentUntil === null
      );
    })
    .sort((a, b) => a.agent!.activateAt! - b.agent!.activateAt!)[0];
  if (!device) throw new Error('The demo tenant has no device that activates within a day and then goes silent.');
  return { id: device.id, name: device.deviceName };
}

test.describe('Dashboard', () => {
  test('says there are no devices before a connector exists', async ({ openConsole, page }) => {
    await openConsole();
    await expect(page.getByRole('status', { name: /No devices yet/ })).toBeVisible();
    await expect(stateList(page)).toHaveCount(0);
  });

  test("shows the demo tenant's counts, its connector health, and every chart's numbers as text", async ({ openConsole, page, demoTenant }) => {
    test.setTimeout(90_000);
    await connectorAndFirstPoll(page, openConsole);

    // The demo clock stands still, and one poll reads the tenant at that moment: the truth to compare with.
    await setSpeed(page, 'Paused');
    await advance(page, 'Advance 1 hour');
    const expected = await expectCountsMatchTruth(page, demoTenant);
    expect(expected.Pending! + expected.Active!).toBeGreaterThan(0);

    // Each chart is one image named by its numbers, and its numbers are there as text (links).
    const states = region(page, 'Devices by state');
    await expect(states.getByRole('img')).toHaveAccessibleName(new RegExp(`Pending: ${expected.Pending}.*Active: ${expected.Active}`));
    const truth = [...truthRows(demoTenant).values()].filter((row) => row.state !== 'deactivated');
    // Only protected devices (active, disconnected) have a threat level: a pending one has no partner data.
    const protectedRows = truth.filter((row) => row.state !== 'pending');
    const levels = await countsIn(page, 'Device counts by threat level');
    expect(levels).toEqual({
      Secured: protectedRows.filter((row) => row.level === 'secured').length,
      Low: protectedRows.filter((row) => row.level === 'low').length,
      Medium: protectedRows.filter((row) => row.level === 'medium').length,
      High: protectedRows.filter((row) => row.level === 'high').length,
    });
    const compliance = await countsIn(page, 'Device counts by compliance');
    expect(compliance['Compliant']! + compliance['Non-compliant']! + compliance['No partner data']!).toBe(truth.length);
    expect(compliance['No partner data']).toBe(expected.Pending);
    await expect(region(page, 'Trend').getByRole('img')).toHaveAccessibleName(/Devices by state over time/);

    // Connector health: the heartbeat state sync reported, Intune's view of the partner, the next poll.
    const health = region(page, 'Connector health');
    await expect(health.getByRole('definition').filter({ hasText: /\d{4}/ }).first()).toBeVisible();
    await expect(health).toContainText("Intune's partner state");
    await expect(health).toContainText(/Enabled|Available/);
    await expect(health).toContainText(/\d+ hours? \(Intune marks the connector unresponsive after 7 days without a heartbeat\)/);
    await expect(health).toContainText(`${MOBILE_USERS} (found)`);
    await expect(health.getByText(/^Next poll: .*\d/)).toBeVisible();
  });

  test("clicking 'Disconnected' lists exactly the disconnected devices, and Back returns", async ({ openConsole, page, demoTenant }) => {
    test.setTimeout(90_000);
    await connectorAndFirstPoll(page, openConsole);
    await setSpeed(page, 'Paused');
    // A week on, devices that stopped checking in are Disconnected.
    await advance(page, 'Advance 7 days');
    const expected = await expectCountsMatchTruth(page, demoTenant);
    const disconnected = expected.Disconnected!;
    expect(disconnected).toBeGreaterThan(0);

    await stateList(page)
      .getByRole('link', { name: /^Disconnected/ })
      .click();
    await expect(page.getByRole('heading', { level: 1, name: 'Devices' })).toBeVisible();
    await expect(page).toHaveURL(/#\/devices\?state=disconnected$/);
    await expect(devicesTotal(page)).toHaveText(totalText(disconnected));
    await expect(deviceGrid(page)).toHaveAttribute('aria-rowcount', String(disconnected + 1));
    await expect(deviceRows(page)).toHaveCount(disconnected);
    const names = (await deviceRows(page).locator('[role="gridcell"]:first-child').allInnerTexts()).sort();
    const truthNames = [...truthRows(demoTenant)]
      .filter(([, row]) => row.state === 'disconnected')
      .map(([id]) => demoTenant.devicesById.get(id)!.deviceName)
      .sort();
    expect(names).toEqual(truthNames);
    for (const row of await deviceRows(page).all()) await expect(row.getByRole('gridcell').nth(3)).toHaveText('Disconnected');

    // The CSV of this filter holds exactly these devices.
    const download = page.waitForEvent('download');
    await page.getByRole('button', { name: 'Export CSV' }).click();
    const file = await download;
    expect(file.suggestedFilename()).toMatch(/\.csv$/);
    const lines = fs
      .readFileSync(await file.path(), 'utf8')
      .trim()
      .split(/\r?\n/);
    expect(lines).toHaveLength(disconnected + 1);
    expect(lines.slice(1).every((line) => line.includes('Disconnected'))).toBe(true);
    await expect(page.getByText(`Exported ${totalText(disconnected)} to`)).toBeVisible();

    await page.goBack();
    await expect(page.getByRole('heading', { level: 1, name: 'Dashboard' })).toBeVisible();
    await expect(stateList(page)).toBeVisible();
  });

  test('a threat level or compliance segment lists as many devices as it counts', async ({ openConsole, page }) => {
    test.setTimeout(90_000);
    await connectorAndFirstPoll(page, openConsole);
    await setSpeed(page, 'Paused');
    await advance(page, 'Advance 1 hour');
    for (const [list, pick] of [
      ['Device counts by threat level', 'Secured'],
      ['Device counts by compliance', 'No partner data'],
    ] as const) {
      const count = (await countsIn(page, list))[pick]!;
      expect(count).toBeGreaterThan(0);
      await page
        .getByRole('list', { name: list })
        .getByRole('link', { name: new RegExp(`^${pick}`) })
        .click();
      await expect(page.getByRole('heading', { level: 1, name: 'Devices' })).toBeVisible();
      await expect(devicesTotal(page)).toHaveText(totalText(count));
      await page.goBack();
      await expect(stateList(page)).toBeVisible();
    }
  });

  test('clicking a slice or a bar of a chart opens the devices it counts', async ({ openConsole, page }) => {
    test.setTimeout(90_000);
    await connectorAndFirstPoll(page, openConsole);
    await setSpeed(page, 'Paused');
    await advance(page, 'Advance 1 hour');
    const { Pending: pending } = await stateCounts(page);
    expect(pending).toBeGreaterThan(0);
    // The donut's first slice is the first non-empty state: Pending.
    await region(page, 'Devices by state').locator('.recharts-pie-sector path').first().dispatchEvent('click');
    await expect(page).toHaveURL(/#\/devices\?state=pending$/);
    await expect(devicesTotal(page)).toHaveText(totalText(pending!));
    await page.goBack();
    await expect(page.getByRole('list', { name: 'Device counts by threat level' })).toBeVisible();
    const { Secured: secured } = await countsIn(page, 'Device counts by threat level');
    await region(page, 'Threat levels').locator('.recharts-bar-rectangle').first().click();
    await expect(page).toHaveURL(/#\/devices\?state=active&state=disconnected&threat=secured$/);
    await expect(devicesTotal(page)).toHaveText(totalText(secured!));
  });

  test('the demo clock moves a device from pending to active to disconnected, and the charts follow', async ({ openConsole, page, demoTenant }) => {
    test.setTimeout(120_000);
    await connectorAndFirstPoll(page, openConsole);
    await setSpeed(page, 'Paused');
    await advance(page, 'Advance 1 hour');
    const device = deviceThatWillActivateThenGoSilent(demoTenant);
    const before = await expectCountsMatchTruth(page, demoTenant);
    const stateOf = async (): Promise<string> => {
      await openModule(page, 'Devices');
      await page.getByRole('searchbox', { name: 'Search devices' }).fill(device.name);
      await expect(devicesTotal(page)).toHaveText(totalText(1));
      await expect(deviceRows(page).first().getByRole('gridcell').first()).toHaveText(device.name);
      return deviceRows(page).first().getByRole('gridcell').nth(3).innerText();
    };
    const backToDashboard = async () => {
      await openModule(page, 'Dashboard');
      await expect(stateList(page)).toBeVisible();
    };

    expect(await stateOf()).toBe('Pending');
    await backToDashboard();
    await advance(page, 'Advance 1 day');
    const dayLater = await expectCountsMatchTruth(page, demoTenant);
    expect(dayLater.Active).toBeGreaterThan(before.Active!);
    expect(dayLater.Pending).toBeLessThan(before.Pending!);
    expect(await stateOf()).toBe('Active');

    await backToDashboard();
    await advance(page, 'Advance 7 days');
    const weekLater = await expectCountsMatchTruth(page, demoTenant);
    expect(weekLater.Disconnected).toBeGreaterThan(0);
    await expect(region(page, 'Devices by state').getByRole('img')).toHaveAccessibleName(new RegExp(`Disconnected: ${weekLater.Disconnected}`));
    await expect(region(page, 'Trend').getByRole('img')).toHaveAccessibleName(new RegExp(`Latest: .*Disconnected: ${weekLater.Disconnected}`));
    expect(await stateOf()).toBe('Disconnected');

    // Its detail tells the story: pending, then active, then disconnected.
    await deviceRows(page).first().click();
    const detail = page.getByRole('dialog', { name: device.name });
    await expect(detail).toBeVisible();
    await expect(detail.getByRole('list', { name: 'State history' }).getByRole('listitem')).toHaveText([/^Disconnected/, /^Active/, /^Pending/]);
  });

  test('runs the demo clock at a day per second: the time and the counts move by themselves', async ({ openConsole, page }) => {
    test.setTimeout(90_000);
    await connectorAndFirstPoll(page, openConsole);
    const clock = region(page, 'Demo time');
    await expect(clock.getByRole('radio', { name: /Real time/ })).toBeChecked();
    const pollBefore = await asOf(page).innerText();
    await setSpeed(page, /1 day per second/);
    await expect(clock).toContainText('×86,400 real time');
    // The engine polls more often while the clock runs fast; the dashboard follows without a click.
    await expect(asOf(page)).not.toHaveText(pollBefore, POLL);
    const moved = await stateCounts(page);
    await setSpeed(page, 'Paused');
    await expect(clock).toContainText('Paused');
    expect(Object.values(moved).reduce((a, b) => a + b, 0)).toBeGreaterThan(0);
  });

  test('a restricted user reads the dashboard but cannot move the demo clock', async ({ openConsole, page }) => {
    test.setTimeout(90_000);
    await connectorAndFirstPoll(page, openConsole);
    await openConsole('#/dashboard', { as: 'restricted' });
    await expect(stateList(page)).toBeVisible(POLL);
    const clock = region(page, 'Demo time');
    await expect(clock.getByText('Only a user with full access can change the demo clock.')).toBeVisible();
    await expect(clock.getByRole('button', { name: 'Advance 1 day' })).toBeDisabled();
    await expect(clock.getByRole('radio', { name: 'Paused' })).toBeDisabled();
  });
});
