// Day two on a real tenant profile (the demo tenant served by another process, reached
// only through MTD_CONSOLE_ENDPOINTS): the group picker offers the tenant's own
// directory, Threats lists its open threats as main counts them, and Drift is report
// only, since a real tenant takes no partner states from the console.
import type { Page } from '@playwright/test';
import type { Core } from '../../electron/core/core';
import type { DriftReportView, ThreatPage } from '../../shared/ipc';
import { MOBILE_USERS, addRecipient, expectSaved, openModule, save, showTab, startIntuneConnector } from './configuration-helpers';
import { POLL, stateCounts, stateList, truthCounts } from './dashboard-helpers';
import { expect, test } from './tenant-fixtures';
import { addForeignProfile, grantConsentAsGlobalAdmin, securityGroupsStartingWith } from './tenant-real-helpers';

const ADMIN = { role: 'full', user: { id: 'e2e-reference', displayName: 'Reference' } } as const;

async function mainAnswer<T>(core: Core, channel: 'threats.page' | 'stateSync.drift', payload: unknown): Promise<T> {
  const envelope = (await core.dispatcher.dispatch(channel, payload, ADMIN)) as { ok: boolean; result: T; error?: unknown };
  expect(envelope.error).toBeUndefined();
  return envelope.result;
}

const threatsTotal = (page: Page) => page.getByRole('status').filter({ hasText: /threats?$/ });

test.describe('a real tenant profile, day two', () => {
  test.setTimeout(180_000);

  test('the group picker offers its directory, Threats lists its open threats, and Drift reports only', async ({ page, context, foreign, twin, run, open }) => {
    await addForeignProfile(page, { foreign, twin, run, open });
    await grantConsentAsGlobalAdmin(page, context);

    // The enrollment group field suggests this tenant's security groups, not the demo tenant's.
    await openModule(page, 'Connectors');
    await startIntuneConnector(page);
    await showTab(page, 'Enrollment Management');
    const field = page.getByRole('combobox', { name: 'Enrollment group name' });
    const suggestions = page.getByRole('listbox', { name: 'Security groups in the directory' });
    await field.fill('Mob');
    const expected = securityGroupsStartingWith(twin, 'Mob');
    expect(expected).toContain(MOBILE_USERS);
    await expect(suggestions.getByRole('option', { name: MOBILE_USERS, exact: true })).toBeVisible();
    expect((await suggestions.getByRole('option').allInnerTexts()).sort()).toEqual(expected);
    await suggestions.getByRole('option', { name: MOBILE_USERS, exact: true }).click();
    await page.getByRole('button', { name: 'Add group' }).click();
    await showTab(page, 'Error Management');
    await addRecipient(page, 'secops@fabrikam.example');
    await save(page);
    await expectSaved(page);

    // The first poll: the dashboard equals the tenant's truth.
    await openModule(page, 'Dashboard');
    await expect(stateList(page)).toBeVisible(POLL);
    await expect.poll(() => stateCounts(page), POLL).toEqual(truthCounts(twin, [MOBILE_USERS]));

    // Threats: main's count of open threats for this tenant, and each row's device opens.
    const core = run().core;
    const open_ = await mainAnswer<ThreatPage>(core, 'threats.page', { filter: { statuses: ['open'] }, sort: { column: 'detectedAt', direction: 'desc' }, offset: 0, limit: 20 });
    await openModule(page, 'Threats');
    if (open_.total === 0) {
      await expect(page.getByText(/No open threats/)).toBeVisible();
    } else {
      await expect(threatsTotal(page)).toHaveText(open_.total === 1 ? '1 threat' : `${open_.total.toLocaleString('en-US')} threats`);
      const linked = open_.rows.findIndex((row) => row.deviceId !== null && row.deviceName !== null);
      if (linked >= 0) {
        await page.getByRole('grid', { name: 'Threats' }).locator(`[role="row"][aria-rowindex="${linked + 2}"]`).click();
        await expect(page.getByRole('dialog')).toContainText(open_.rows[linked]!.deviceName!);
        await page.keyboard.press('Escape');
      }
    }

    // Drift: report only, with main's count; Sync now reads Intune again and sends nothing.
    const drift = await mainAnswer<DriftReportView>(core, 'stateSync.drift', undefined);
    expect(drift.reportOnly).toBe(true);
    await openModule(page, 'Drift');
    if (drift.total === 0) {
      await expect(page.getByRole('status', { name: "No drift: Intune's partner state matches the console's for every device." })).toBeVisible();
      return;
    }
    await expect(page.getByText(drift.total === 1 ? '1 device in drift.' : `${drift.total} devices in drift.`)).toBeVisible();
    await expect(page.getByText(/^Report only: this tenant does not take states from the console/)).toBeVisible();
    await page.getByRole('button', { name: 'Sync now' }).click();
    const dialog = page.getByRole('alertdialog', { name: 'Read Intune again?' });
    await expect(dialog).toContainText('Nothing can be sent to this tenant');
    await dialog.getByRole('button', { name: 'Sync now' }).click();
    await expect(page.getByText('Intune was read again; nothing was sent (report only).')).toBeVisible(POLL);
    expect((await mainAnswer<DriftReportView>(core, 'stateSync.drift', undefined)).total).toBe(drift.total);
  });
});
