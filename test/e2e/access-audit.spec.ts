// The audit log records consent and every refusal: a call main refused, and a sign-in it refused.
import { expect, test } from './fixtures';
import { openModule } from './configuration-helpers';
import { DEMO_USERS, chooseAndSignIn, signInError, signOut } from './sign-in';

test('the Audit log lists the consent, a refused call and a refused sign-in', async ({ openConsole, page }) => {
  // The Global Administrator grants consent on the consent page.
  await openConsole('', { as: null });
  await chooseAndSignIn(page, 'globaladmin');
  await page.getByRole('button', { name: 'Accept' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'What to do next' })).toBeVisible();
  await signOut(page);

  // An outsider is refused at sign-in.
  await chooseAndSignIn(page, 'outsider');
  await expect(signInError(page)).toContainText('MTD Console Full Access');

  // A restricted member's tab tries a call its role may not make.
  await openConsole('', { as: 'restricted' });
  const reply = await page.evaluate(async () =>
    (await fetch('/api/call/settings.get', { method: 'POST', headers: { 'content-type': 'application/json' }, body: '{}' })).json(),
  );
  expect(reply).toMatchObject({ ok: false, error: { code: 'forbidden' } });
  await signOut(page);

  await openConsole();
  await openModule(page, 'Audit log');
  const rows = page.getByRole('table', { name: 'Audit log entries' }).getByRole('row');
  // Rows by their action's cell ("Consent", or "Call denied" with its "Denied" badge), not by any text that mentions it.
  const withAction = (action: string) => rows.filter({ has: page.getByRole('cell', { name: new RegExp(`^${action}( Denied)?$`) }) });
  const consent = withAction('Consent').filter({ hasText: DEMO_USERS.globaladmin.displayName });
  await expect(consent).toHaveCount(1);
  await expect(consent).not.toContainText('Denied');
  const refusedCall = withAction('Call denied').filter({ hasText: 'settings.get' });
  await expect(refusedCall).toHaveCount(1);
  await expect(refusedCall).toContainText(DEMO_USERS.restricted.displayName);
  await expect(refusedCall).toContainText('Denied');
  const refusedSignIn = withAction('Sign-in').filter({ hasText: DEMO_USERS.outsider.displayName });
  await expect(refusedSignIn).toHaveCount(1);
  await expect(refusedSignIn).toContainText('Denied');
  // The successful sign-ins are there too.
  await expect(withAction('Sign-in').filter({ hasText: DEMO_USERS.restricted.displayName }).first()).toBeVisible();
});
