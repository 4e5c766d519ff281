// System > Connectors once the Intune connector exists: the polling engine's card, live
// (first poll, poll now, full poll, stop, start), and the confirmation with the number of
// devices that removing an enrollment group deactivates.
import type { Page } from '@playwright/test';
import { DEFAULT_IDLE_MS } from '../../electron/engine/telemetry/event-ingest';
import { expect, test } from './fixtures';
import { createMinimalConnector, expectSaved, groupList, MOBILE_USERS, save, showTab } from './configuration-helpers';

const MOBILE_PILOT = 'Mobile Pilot';
/** A poll of the demo tenant takes seconds; the first one starts when the connector is saved. */
const POLL = { timeout: 30_000 };
const PHASES = /Discovery|MTD telemetry|Check-ins|Evaluation|State sync|E-mail/;

function engineCard(page: Page) {
  return page.getByRole('region', { name: 'Polling engine' });
}

function lastPollLine(page: Page) {
  return engineCard(page).getByRole('region', { name: 'Last poll' }).getByText(/poll, finished/);
}

async function waitForFinishedPoll(page: Page): Promise<void> {
  await expect(engineCard(page).getByRole('status')).toHaveText(/^Running: waiting for the next poll\./, POLL);
  await expect(lastPollLine(page)).toBeVisible();
}

test.describe('System > Connectors: polling engine', () => {
  // These tests watch a poll in progress: polls last as long as the app's own.
  test.use({ streamIdleMs: DEFAULT_IDLE_MS });
  test('shows the first poll, then polls now, polls in full, stops and starts again', async ({ openConsole, page }) => {
    test.setTimeout(120_000);
    await openConsole('#/system/connectors');
    await createMinimalConnector(page);
    const card = engineCard(page);
    const status = card.getByRole('status');

    await waitForFinishedPoll(page);
    await expect(lastPollLine(page)).toContainText(/Completed/);
    const counts = card.getByRole('list', { name: 'Devices by state' });
    await expect(counts.getByRole('listitem')).toHaveText([/^Pending: \d+$/, /^Active: \d+$/, /^Disconnected: \d+$/, /^Deactivated: \d+$/]);
    await expect(counts.getByText(/^(Pending|Active|Disconnected|Deactivated): [1-9]\d*$/).first()).toBeVisible();
    await expect(card.getByText(/^Next poll: .*\d/)).toBeVisible();

    // Poll now: the phase and a progress bar while it runs, then a new, incremental, poll.
    const first = await lastPollLine(page).textContent();
    await card.getByRole('button', { name: 'Poll now' }).click();
    await expect(status).toContainText('Polling now.');
    await expect(card).toContainText(PHASES);
    await expect(card.getByRole('progressbar')).toBeVisible();
    await waitForFinishedPoll(page);
    await expect(card.getByRole('progressbar')).toHaveCount(0);
    await expect(lastPollLine(page)).not.toHaveText(first ?? '');
    await expect(lastPollLine(page)).toContainText('Incremental poll');

    const second = await lastPollLine(page).textContent();
    await card.getByRole('button', { name: 'Full poll' }).click();
    await expect(status).toContainText('Polling now.');
    await waitForFinishedPoll(page);
    await expect(lastPollLine(page)).not.toHaveText(second ?? '');
    await expect(lastPollLine(page)).toContainText('Full poll');

    // Stop: no poll is scheduled; the same button now starts polling again.
    await card.getByRole('button', { name: 'Stop polling' }).click();
    await expect(status).toHaveText(/^Stopped/);
    await expect(card.getByText('Next poll: not scheduled')).toBeVisible();
    const start = card.getByRole('button', { name: 'Start polling' });
    await expect(start).toBeFocused();
    // A stop survives a reload: it is the engine's state, not the page's.
    await page.reload();
    await expect(engineCard(page).getByRole('status')).toHaveText(/^Stopped/);

    await engineCard(page).getByRole('button', { name: 'Start polling' }).click();
    await expect(engineCard(page).getByRole('button', { name: 'Stop polling' })).toBeVisible();
    await waitForFinishedPoll(page);
    await expect(engineCard(page).getByText(/^Next poll: .*\d/)).toBeVisible();
  });

  test('asks before saving a removal of enrollment groups, with the devices it deactivates', async ({ openConsole, page }) => {
    test.setTimeout(90_000);
    await openConsole('#/system/connectors');
    await createMinimalConnector(page, [MOBILE_USERS, MOBILE_PILOT]);
    // The count comes from what the engine has enrolled: wait for its first poll.
    await waitForFinishedPoll(page);

    await showTab(page, 'Enrollment Management');
    await page.getByRole('button', { name: `Remove ${MOBILE_USERS}` }).click();
    await save(page);
    const dialog = page.getByRole('alertdialog', { name: 'Remove an enrollment group?' });
    await expect(dialog).toBeVisible();
    await expect(dialog).toContainText(/Removing “Mobile Users” deactivates [1-9]\d* devices? of [1-9]\d* users?\. Continue\?/);

    // Cancel: nothing is saved, and the form stays as edited.
    await dialog.getByRole('button', { name: 'Cancel' }).click();
    await expect(dialog).toHaveCount(0);
    await expect(page.getByRole('button', { name: 'Save', exact: true })).toBeFocused();
    await expect(page.getByText('Saved', { exact: true })).toHaveCount(0);
    await expect(groupList(page).getByRole('listitem')).toHaveText([new RegExp(MOBILE_PILOT)]);
    await page.reload();
    await showTab(page, 'Enrollment Management');
    await expect(groupList(page).getByRole('listitem')).toHaveCount(2);

    // Confirm: saved.
    await page.getByRole('button', { name: `Remove ${MOBILE_USERS}` }).click();
    await save(page);
    await expect(dialog).toContainText(/deactivates [1-9]\d* devices?/);
    await dialog.getByRole('button', { name: 'Remove and save' }).click();
    await expect(dialog).toHaveCount(0);
    await expectSaved(page);
    await page.reload();
    await showTab(page, 'Enrollment Management');
    await expect(groupList(page).getByRole('listitem')).toHaveText([new RegExp(MOBILE_PILOT)]);

    // Adding a group back removes none: it saves without asking.
    await page.getByLabel('Enrollment group name').fill(MOBILE_USERS);
    await page.getByRole('button', { name: 'Add group' }).click();
    await save(page);
    await expectSaved(page);
    await expect(dialog).toHaveCount(0);
  });
});
