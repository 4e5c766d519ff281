// Day two: the app is quit and started again on the same data folder. The demo tenant is
// built anew (from its seed and the demo clock kept in the data folder) and the engine
// reaches it at another address, so where the last poll left off no longer works: the next
// incremental poll lists every device again by itself and says so, without errors.
import type { Page } from '@playwright/test';
import { expect, test } from './fixtures';
import { openModule } from './configuration-helpers';
import { advance, asOf, connectorAndFirstPoll, POLL, region, setSpeed, stateCounts } from './dashboard-helpers';

function engineCard(page: Page) {
  return page.getByRole('region', { name: 'Polling engine' });
}

function lastPoll(page: Page) {
  return engineCard(page).getByRole('region', { name: 'Last poll' });
}

test.describe('after a restart on the same data folder', () => {
  test('the demo clock and the counts are the same, and the next poll re-lists every device without errors', async ({ openConsole, restartConsole, page }) => {
    test.setTimeout(150_000);
    await connectorAndFirstPoll(page, openConsole);
    // The demo clock stands still so that nothing but the restart could change the numbers.
    await setSpeed(page, 'Paused');
    await advance(page, 'Advance 1 hour');
    const before = { asOf: await asOf(page).innerText(), counts: await stateCounts(page) };
    expect(Object.values(before.counts).reduce((a, b) => a + b, 0)).toBeGreaterThan(0);

    await openModule(page, 'Connectors');
    const lastBefore = await lastPoll(page).getByText(/poll, finished/).textContent();

    // The restarted engine's first poll sets out incrementally from where the last run left off, cannot,
    // and so lists everything: it is shown as the full poll it became.
    await restartConsole('#/system/connectors', { rebuildTenant: true });
    await expect(lastPoll(page).getByText(/poll, finished/)).not.toHaveText(lastBefore ?? '', POLL);
    await expect(lastPoll(page)).toContainText('Full poll');
    await expect(lastPoll(page)).toContainText(/Completed/);
    await expect(lastPoll(page)).not.toContainText(/with errors|untrustedUrl|no answer/);
    await expect(lastPoll(page)).toContainText('Every device was listed again: where the last poll left off was at another address of Microsoft Graph');

    // The re-listing changed nothing an admin sees: the same moment, the same devices in each state.
    await openModule(page, 'Dashboard');
    await expect(asOf(page)).toHaveText(before.asOf, POLL);
    expect(await stateCounts(page)).toEqual(before.counts);

    await expect(region(page, 'Demo time').getByRole('radio', { name: 'Paused' })).toBeChecked();

    // And the poll after it goes on incrementally from the new address, saying nothing about re-listing.
    await openModule(page, 'Connectors');
    const relisted = await lastPoll(page).getByText(/poll, finished/).textContent();
    await engineCard(page).getByRole('button', { name: 'Poll now' }).click();
    await expect(lastPoll(page).getByText(/poll, finished/)).not.toHaveText(relisted ?? '', POLL);
    await expect(lastPoll(page)).toContainText('Incremental poll');
    await expect(lastPoll(page)).toContainText(/Completed/);
    await expect(lastPoll(page)).not.toContainText('Every device was listed again');
  });
});
