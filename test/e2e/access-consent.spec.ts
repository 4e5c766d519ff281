// Sign-in before and after tenant consent (PRODUCT.md section 3), as the people
// involved meet it: until a Global Administrator accepts the consent page, every
// sign-in fails; the Global Administrator's first sign-in asks for consent.
import { expect, test } from './fixtures';
import { chooseAndSignIn, DEMO_USERS, signInError, signInHeading, signOut } from './sign-in';

const CONSENT_MISSING = /consent for this tenant has not been granted.*Global Administrator/i;

test.describe('before consent', () => {
  test('the sign-in screen lists the demo users, says consent is missing, and offers no Entra ID sign-in yet', async ({ openConsole, page }) => {
    await openConsole('', { as: null });
    await expect(signInHeading(page)).toBeVisible();
    await expect(page).toHaveTitle('Sign in – MTD Connector Console');
    await expect(page.getByRole('navigation', { name: 'Modules' })).toHaveCount(0);
    await expect(page.getByText(/Consent has not been granted for this tenant yet/)).toBeVisible();

    const users = page.getByRole('radiogroup');
    await expect(users.getByRole('radio')).toHaveCount(4);
    await expect(page.getByRole('radio', { name: DEMO_USERS.globaladmin.upn })).toHaveAccessibleName(/Gabriel Admin.*Global Administrator/);
    await expect(page.getByRole('radio', { name: DEMO_USERS.fullaccess.upn })).toHaveAccessibleName(/Farah Fullaccess.*full-access group/);
    await expect(page.getByRole('radio', { name: DEMO_USERS.restricted.upn })).toHaveAccessibleName(/Rémi Restricted.*restricted-access group/);
    await expect(page.getByRole('radio', { name: DEMO_USERS.outsider.upn })).toHaveAccessibleName(/Olga Outsider.*neither access group/);

    await expect(page.getByRole('button', { name: 'Sign in with Microsoft' })).toBeDisabled();
    await expect(page.getByText('Sign-in with Microsoft Entra ID needs a configured tenant.')).toBeVisible();

    // "Sign in" without a choice asks for one.
    await page.getByRole('button', { name: 'Sign in', exact: true }).click();
    await expect(page.getByText('Choose the user to sign in as.')).toBeVisible();
  });

  test('every sign-in but the Global Administrator’s fails with the consent-missing message', async ({ openConsole, page, host }) => {
    await openConsole('', { as: null });
    for (const user of ['fullaccess', 'restricted', 'outsider'] as const) {
      await chooseAndSignIn(page, user);
      await expect(signInError(page)).toContainText(CONSENT_MISSING);
      await expect(signInHeading(page)).toBeVisible();
    }
    // Nor does an address get past the sign-in screen, and main refuses the calls themselves.
    await page.goto(`${host.origin}/#/system/access`);
    await expect(signInHeading(page)).toBeVisible();
    const reply = await page.evaluate(async () => (await fetch('/api/call/settings.get', { method: 'POST', headers: { 'content-type': 'application/json' }, body: '{}' })).json());
    expect(reply).toMatchObject({ ok: false, error: { code: 'unauthenticated' } });
  });

  test('the Global Administrator sees the consent page; declining returns to sign-in and leaves the tenant without consent', async ({ openConsole, page }) => {
    await openConsole('', { as: null });
    await chooseAndSignIn(page, 'globaladmin');

    await expect(page.getByRole('heading', { level: 1, name: 'Permissions requested' })).toBeVisible();
    await expect(page.getByText(/Gabriel Admin \(globaladmin@contoso\.example\)/)).toBeVisible();
    const permissions = page.getByRole('list', { name: 'Permissions' }).getByRole('listitem');
    await expect(permissions).toHaveCount(2);
    await expect(permissions.nth(0)).toContainText("Read the directory's groups and users");
    await expect(permissions.nth(1)).toContainText("Read and update Intune managed devices' partner state");
    await expect(page.getByRole('navigation', { name: 'Modules' })).toHaveCount(0);
    await expect(page.getByRole('banner').getByRole('button', { name: 'Sign out' })).toHaveCount(0);

    // The question waits in main: a reload shows it again.
    await page.reload();
    await expect(page.getByRole('heading', { level: 1, name: 'Permissions requested' })).toBeVisible();

    await page.getByRole('button', { name: 'Decline' }).click();
    await expect(signInHeading(page)).toBeVisible();
    await expect(page.getByText(/Consent has not been granted for this tenant yet/)).toBeVisible();
    await chooseAndSignIn(page, 'fullaccess');
    await expect(signInError(page)).toContainText(CONSENT_MISSING);
  });
});

test.describe('consent', () => {
  test('the Global Administrator accepts: consent is recorded, they are signed in with Full access, and the others can sign in', async ({ openConsole, page }) => {
    await openConsole('', { as: null });
    await chooseAndSignIn(page, 'globaladmin');
    await page.getByRole('button', { name: 'Accept' }).click();

    // The admin who gave consent lands on the set-up steps.
    await expect(page.getByRole('heading', { level: 1, name: 'What to do next' })).toBeVisible();
    const banner = page.getByRole('banner');
    await expect(banner).toContainText('Gabriel Admin');
    await expect(banner).toContainText('Full access');
    await page.getByRole('navigation', { name: 'Modules' }).getByRole('link', { name: 'Access', exact: true }).click();
    await expect(page.getByText(/^Granted by globaladmin@contoso\.example on /)).toBeVisible();

    await signOut(page);
    await expect(page.getByText(/Consent has not been granted/)).toHaveCount(0);
    await chooseAndSignIn(page, 'fullaccess');
    await expect(page.getByRole('heading', { level: 1, name: 'Dashboard' })).toBeVisible();
    await expect(banner).toContainText('Farah Fullaccess');
  });

  test('later sign-ins of the Global Administrator need no consent page', async ({ recordConsent, openConsole, page }) => {
    await recordConsent();
    await openConsole('', { as: null });
    await chooseAndSignIn(page, 'globaladmin');
    await expect(page.getByRole('heading', { level: 1, name: 'Dashboard' })).toBeVisible();
    await expect(page.getByRole('heading', { name: 'Permissions requested' })).toHaveCount(0);
    await expect(page.getByRole('banner')).toContainText('Full access');
  });
});
