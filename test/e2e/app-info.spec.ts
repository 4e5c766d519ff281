import { readProjectVersion } from '../../electron/host/project-paths';
import { expect, test } from './fixtures';

test('shows what is running and where its data lives', async ({ openConsole, dataDir }) => {
  const page = await openConsole();
  const status = page.getByRole('contentinfo', { name: 'Application information' });
  await expect(status.getByText(`Version ${readProjectVersion()}`)).toBeVisible();
  await expect(status.getByText('Browser host')).toBeVisible();
  await expect(status.getByText('Demo tenant')).toBeVisible();
  await expect(status.getByText(`Data folder: ${dataDir}`)).toBeVisible();
});

test('says that no tenant is configured yet', async ({ openConsole }) => {
  const page = await openConsole();
  await expect(page.getByText('No tenant is configured. The console is in demo mode.')).toBeVisible();
});

test('tells the user when the console host cannot be reached', async ({ openConsole, page }) => {
  // The page loads, but every call to the host fails as if it had stopped.
  await page.route('**/api/call/**', (route) => route.abort('connectionrefused'));
  await openConsole('', { as: null });
  await expect(page.getByText('The console could not be reached: The console host cannot be reached. Is it still running?')).toBeVisible();
});

test('loads without errors or Content-Security-Policy violations, from sign-in on', async ({ openConsole, page }) => {
  const problems: string[] = [];
  page.on('console', (message) => {
    if (message.type() === 'error' || message.type() === 'warning') problems.push(message.text());
  });
  page.on('pageerror', (error) => problems.push(error.message));
  await page.addInitScript(() => {
    document.addEventListener('securitypolicyviolation', (event) => console.error(`CSP violation: ${event.violatedDirective} ${event.blockedURI} ${event.sourceFile}:${event.lineNumber} ${event.sample}`));
  });
  await openConsole();
  await expect(page.getByRole('heading', { level: 1, name: 'Dashboard' })).toBeVisible();
  await page.getByRole('link', { name: 'Security Policy' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Security Policy' })).toBeVisible();
  expect(problems).toEqual([]);
});

test('shows what the main process tells the user, until it is dismissed', async ({ openConsole, page, core, host }) => {
  await openConsole();
  await expect(page.getByRole('heading', { level: 1, name: 'Dashboard' })).toBeVisible();
  await expect.poll(() => host.eventClientCount()).toBe(1);
  core.events.emit('app.notice', { level: 'warning', message: 'The settings file could not be read; it was moved aside.' });
  const notices = page.getByRole('region', { name: 'Notices' });
  const notice = notices.getByText('The settings file could not be read; it was moved aside.');
  await expect(notice).toHaveCount(1);
  await notices.getByRole('button', { name: 'Dismiss notice' }).click();
  await expect(notice).toHaveCount(0);
});
