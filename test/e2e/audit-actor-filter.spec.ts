// The Audit log as an admin searches it: by a colleague's e-mail address (as the Actor
// hint says), and reading each change in the words of the screen that made it.
import { expect, test } from './fixtures';
import { createMinimalConnector, openModule } from './configuration-helpers';
import { DEMO_USERS, signOut } from './sign-in';

test('the actor filter finds a user by e-mail address, and changes read as the screens label them', async ({ openConsole, page }) => {
  test.setTimeout(90_000);
  // A restricted member signs in and out: the log then holds two users' entries.
  await openConsole('', { as: 'restricted' });
  await signOut(page);
  await openConsole('#/system/connectors');
  await createMinimalConnector(page);

  await openModule(page, 'Audit log');
  const table = page.getByRole('table', { name: 'Audit log entries' });
  const rows = table.getByRole('row').filter({ has: page.getByRole('cell') });
  await expect(rows.filter({ hasText: DEMO_USERS.restricted.displayName }).first()).toBeVisible();

  const actor = page.getByRole('textbox', { name: 'Actor' });
  await actor.fill(DEMO_USERS.fullaccess.upn.toUpperCase());
  await expect(rows.filter({ hasText: DEMO_USERS.restricted.displayName })).toHaveCount(0);
  await expect(rows.filter({ hasText: DEMO_USERS.fullaccess.displayName }).first()).toBeVisible();
  await expect(rows.first()).toContainText(DEMO_USERS.fullaccess.upn);

  // Part of an address works too; an address nobody has lists nothing and says so.
  await actor.fill('restricted@contoso');
  await expect(rows.filter({ hasText: DEMO_USERS.fullaccess.displayName })).toHaveCount(0);
  await expect(rows.filter({ hasText: DEMO_USERS.restricted.displayName }).first()).toBeVisible();
  await actor.fill("nobody@contoso.example' OR 1=1 --");
  await expect(page.getByText('No entries match these filters.')).toBeVisible();
  await actor.fill('');

  // The connector's creation lists its fields by the Connectors screen's labels.
  const created = rows.filter({ has: page.getByRole('cell', { name: 'Connector created', exact: true }) });
  await expect(created).toHaveCount(1);
  for (const label of ['Heartbeat frequency (minutes)', 'Enrollment groups', 'New-device check interval (minutes)', 'Device status', 'Threat status', 'Error report recipients']) {
    await expect(created).toContainText(label);
  }
  await expect(created).not.toContainText('connector.heartbeatMinutes');
  await expect(created).not.toContainText('stateSync');
});
