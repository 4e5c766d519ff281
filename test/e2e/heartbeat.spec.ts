// The connector health card's heartbeat history: the last 30 days as a small chart with
// its numbers as a table, the last attempt, and the hours left before Intune would mark
// the partner unresponsive; moving the demo clock (and a heartbeat that fails) changes them.
import type { Page } from '@playwright/test';
import { asOf, connectorAndFirstPoll, region, setSpeed } from './dashboard-helpers';
import { expect, test } from './fixtures';

function health(page: Page) {
  return region(page, 'Connector health');
}

function table(page: Page) {
  return health(page).getByRole('table', { name: 'Heartbeats per day' });
}

/** The table's rows, newest day first: [day, sent, failed]. */
async function days(page: Page): Promise<[string, number, number][]> {
  const rows = await table(page).getByRole('row').all();
  const out: [string, number, number][] = [];
  for (const row of rows.slice(1)) {
    const [day, sent, failed] = await row.getByRole('cell').or(row.getByRole('rowheader')).allInnerTexts();
    out.push([day!, Number(sent), Number(failed)]);
  }
  return out;
}

/** "Advance …" on Demo time, then the poll that follows reaches the dashboard (a poll whose heartbeat fails takes longer). */
async function advance(page: Page, name: 'Advance 1 hour' | 'Advance 1 day'): Promise<void> {
  const before = await asOf(page).innerText();
  const button = region(page, 'Demo time').getByRole('button', { name });
  await expect(button).toBeEnabled({ timeout: 60_000 });
  await button.click();
  await expect(asOf(page)).not.toHaveText(before, { timeout: 60_000 });
}

function hoursLeft(page: Page) {
  return health(page).getByText(/^(\d+ hours?|Soon: \d+ hours? left|Overdue:)/);
}

test.describe('heartbeat history', () => {
  test('shows 30 days of heartbeats as text and the hours left, and both follow the demo clock', async ({ openConsole, page, demoTenant }) => {
    test.setTimeout(300_000);
    await connectorAndFirstPoll(page, openConsole);
    await setSpeed(page, 'Paused');

    // The first poll sent a heartbeat: today has one, Intune would wait the full 7 days.
    await expect(table(page)).toBeVisible();
    await expect.poll(async () => (await days(page)).length).toBe(30);
    let rows = await days(page);
    expect(rows[0]![1]).toBeGreaterThanOrEqual(1);
    expect(rows.slice(1).every(([, sent, failed]) => sent === 0 && failed === 0)).toBe(true);
    await expect(health(page).getByRole('img', { name: /^Heartbeats over the last 30 days, from .+ to .+: \d+ sent, 0 failed\.$/ })).toBeVisible();
    await expect(hoursLeft(page)).toHaveText(/^168 hours \(Intune marks the connector unresponsive after 7 days/);
    await expect(health(page).getByText(/ · sent$/)).toBeVisible();

    // A day later, with Intune's heartbeat endpoint failing: a failed heartbeat on a new day, a day less left.
    const today = rows[0]![0];
    // Intune's heartbeat endpoint fails (after the client's retries).
    demoTenant.faults.set([{ kind: 'server-error', path: '/partner/v1/heartbeat', status: 503 }]);
    await advance(page, 'Advance 1 day');
    // The heartbeat fails after the client's retries, at the end of the poll.
    await expect(health(page).getByText(/ · failed$/)).toBeVisible({ timeout: 60_000 });
    await expect(hoursLeft(page)).toHaveText(/^144 hours /);
    rows = await days(page);
    expect(rows).toHaveLength(30);
    expect(rows[0]![0]).not.toBe(today);
    expect(rows[0]![2]).toBeGreaterThanOrEqual(1);
    expect(rows[1]).toEqual([today, expect.any(Number), 0]);
    expect(rows[1]![1]).toBeGreaterThanOrEqual(1);
    await expect(health(page).getByRole('img', { name: /[1-9]\d* failed\.$/ })).toBeVisible();

    // Intune answers again: the next heartbeat puts the full 7 days back.
    demoTenant.faults.clear();
    await advance(page, 'Advance 1 hour');
    await expect(health(page).getByText(/ · sent$/)).toBeVisible({ timeout: 60_000 });
    await expect(hoursLeft(page)).toHaveText(/^168 hours /);
  });
});
