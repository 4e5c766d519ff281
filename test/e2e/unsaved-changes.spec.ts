// Unsaved edits are not lost by a stray click: leaving the screen asks "Leave without saving?",
// Stay keeps the edit, Leave discards it; reloading with edits asks the browser's question.
import { openModule } from './configuration-helpers';
import { expect, test } from './fixtures';

const DAYS = 'Disconnected Status (days)';

test.describe('Unsaved changes', () => {
  test('leaving a screen with an edit asks first: Stay keeps it, Leave discards it', async ({ openConsole, page }) => {
    await openConsole('#/system/enrollment-settings');
    const days = page.getByLabel(DAYS);
    const saved = await days.inputValue();
    const edited = saved === '45' ? '46' : '45';

    // Nothing edited: the link leaves at once.
    await openModule(page, 'Preferences');
    await expect(page.getByRole('alertdialog', { name: 'Leave without saving?' })).toHaveCount(0);
    await openModule(page, 'Enrollment settings');

    await days.fill(edited);
    await page.getByRole('navigation', { name: 'Modules' }).getByRole('link', { name: 'Devices', exact: true }).click();
    const question = page.getByRole('alertdialog', { name: 'Leave without saving?' });
    await expect(question).toBeVisible();
    await question.getByRole('button', { name: 'Stay' }).click();
    await expect(question).toHaveCount(0);
    await expect(page.getByRole('heading', { level: 1, name: 'Enrollment settings' })).toBeVisible();
    await expect(days).toHaveValue(edited);
    expect(new URL(page.url()).hash).toBe('#/system/enrollment-settings');

    // Typing an address asks as well.
    await page.evaluate(() => {
      window.location.hash = '#/preferences';
    });
    await expect(question).toBeVisible();
    await question.getByRole('button', { name: 'Leave' }).click();
    await expect(page.getByRole('heading', { level: 1, name: 'Preferences' })).toBeVisible();
    expect(new URL(page.url()).hash).toBe('#/preferences');

    // The edit was discarded: the screen shows what is saved again.
    await openModule(page, 'Enrollment settings');
    await expect(days).toHaveValue(saved);
    await expect(question).toHaveCount(0);
  });

  test('a saved edit no longer asks', async ({ openConsole, page }) => {
    await openConsole('#/system/enrollment-settings');
    await page.getByLabel(DAYS).fill('40');
    await page.getByRole('button', { name: 'Save' }).click();
    await expect(page.getByText('Saved', { exact: true })).toBeVisible();
    await openModule(page, 'Devices');
    await expect(page.getByRole('alertdialog', { name: 'Leave without saving?' })).toHaveCount(0);
  });

  test('reloading with an edit asks the browser first; without edits it does not', async ({ openConsole, page }) => {
    await openConsole('#/system/enrollment-settings');
    const days = page.getByLabel(DAYS);
    const saved = await days.inputValue();
    const asked: string[] = [];
    page.on('dialog', (dialog) => {
      asked.push(dialog.type());
      void dialog.dismiss();
    });

    await days.fill(saved === '45' ? '46' : '45');
    // Dismissing the browser's question stays on the page, with the edit.
    await page.reload({ timeout: 3_000 }).catch(() => undefined);
    await expect.poll(() => asked).toEqual(['beforeunload']);
    await expect(days).not.toHaveValue(saved);

    await days.fill(saved);
    await page.getByRole('button', { name: 'Save' }).click();
    await expect(page.getByText('Saved', { exact: true })).toBeVisible();
    await page.reload();
    await expect(page.getByLabel(DAYS)).toHaveValue(saved);
    expect(asked).toEqual(['beforeunload']);
  });
});
