// What to do next as a new admin meets it: the seeds' set-up steps with their states, each a link
// to the screen (and tab) where it is done, turning done as the admin does them; the dashboard
// keeps a way back until every step is done; a Restricted member sees the steps it cannot do say so.
import type { Page } from '@playwright/test';
import { createMinimalConnector, openModule } from './configuration-helpers';
import { POLL } from './dashboard-helpers';
import { expect, test } from './fixtures';
import { DEMO_USERS } from './sign-in';

const steps = (page: Page) => page.getByRole('list', { name: 'Set-up steps' }).getByRole('listitem');
const step = (page: Page, title: string) => steps(page).filter({ hasText: title });

test.describe('What to do next', () => {
  test('lists the set-up steps, links each to its screen, and marks them done as the admin does them', async ({ openConsole, page }) => {
    test.setTimeout(120_000);
    await openConsole('#/setup');
    await expect(page.getByRole('heading', { level: 1, name: 'What to do next' })).toBeVisible();
    await expect(steps(page)).toHaveCount(9);
    await expect(step(page, '2. Add the Intune connector')).toContainText('No Intune connector has been added yet.');
    await expect(step(page, '2. Add the Intune connector')).toContainText('To do');
    await expect(step(page, '3. Configure enrollment groups')).toContainText('Add the Intune connector first.');
    const progress = page.getByRole('progressbar');
    const before = Number(/^(\d+) of 9 done$/.exec((await progress.getAttribute('aria-label'))!)![1]);

    // A step's link opens its screen on its tab.
    await step(page, '3. Configure enrollment groups').getByRole('link').click();
    await expect(page.getByRole('heading', { level: 1, name: 'Connectors' })).toBeVisible();
    await expect(page).toHaveURL(/#\/system\/connectors\?tab=enrollment$/);
    await createMinimalConnector(page);

    await openModule(page, 'What to do next');
    await expect(step(page, '2. Add the Intune connector')).toContainText('The Intune connector is added.');
    await expect(step(page, '2. Add the Intune connector')).toContainText('Done');
    await expect(step(page, '5. Add error report recipients')).toContainText('1 recipient receives the error reports.');
    // The first poll checks the group and lists the devices.
    await expect(step(page, '3. Configure enrollment groups')).toContainText('1 enrollment group, found as a security group.', POLL);
    await expect(step(page, '9. Watch the first devices become active')).toContainText(/\d+ devices? (is|are) active, \d+ pending\./, POLL);

    // Reviewing the classifications is confirmed on Security Policy, with who and when.
    await expect(step(page, '8. Review the threat classifications')).toContainText('Not reviewed yet');
    await step(page, '8. Review the threat classifications').getByRole('link').click();
    await expect(page.getByRole('heading', { level: 1, name: 'Security Policy' })).toBeVisible();
    await page.getByRole('button', { name: 'Mark classifications reviewed' }).click();
    await expect(page.getByText('Marked reviewed.')).toBeVisible();
    await openModule(page, 'What to do next');
    await expect(step(page, '8. Review the threat classifications')).toContainText(`Reviewed by ${DEMO_USERS.fullaccess.displayName} on`);
    const after = Number(/^(\d+) of 9 done$/.exec((await progress.getAttribute('aria-label'))!)![1]);
    expect(after).toBeGreaterThanOrEqual(before + 5);

    // Until every step is done, the dashboard says how far set-up is and leads back here.
    await openModule(page, 'Dashboard');
    await expect(page.getByText(`Set-up: ${after} of 9 steps done.`)).toBeVisible();
    await page.getByRole('link', { name: 'What to do next', exact: true }).last().click();
    await expect(page.getByRole('heading', { level: 1, name: 'What to do next' })).toBeVisible();
  });

  test('shows a Restricted member every step, and says which ones take Full access', async ({ openConsole, page }) => {
    await openConsole('#/setup', { as: 'restricted' });
    await expect(steps(page)).toHaveCount(9);
    // System screens are Full-only: no link, and the reason.
    const connector = step(page, '2. Add the Intune connector');
    await expect(connector.getByRole('link')).toHaveCount(0);
    await expect(connector).toContainText('Full access is needed for this step.');
    // Security Policy opens read-only: a link, and why the mark is not theirs to set.
    const review = step(page, '8. Review the threat classifications');
    await expect(review.getByRole('link')).toBeVisible();
    await expect(review).toContainText('Full access is needed to mark them reviewed.');
    // Notifications are every user's own.
    await step(page, '7. Configure e-mail notifications').getByRole('link').click();
    await expect(page.getByRole('heading', { level: 1, name: 'Preferences' })).toBeVisible();
  });
});
