// An unreadable settings file: `npm run serve` still starts, tells the user, and the
// file's content survives in a backup next to it.
import { spawn } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { PROJECT_ROOT } from '../../electron/host/project-paths';
import { makeTempDir } from '../support/temp-dir';
import { expect, test } from './fixtures';

test('a corrupt settings file is moved aside and the user is told', async ({ page }) => {
  const temp = makeTempDir('mtd-corrupt-');
  const corrupt = '{"schemaVersion": 1, "connector": {"heartbeatMinutes": ';
  fs.writeFileSync(path.join(temp.dir, 'settings.json'), corrupt);
  // The host the README documents, started as `npm run serve` starts it (the renderer is already built).
  const server = spawn(process.execPath, ['--import', 'tsx', 'electron/host/serve.ts', '--port', '0'], {
    cwd: PROJECT_ROOT,
    env: { ...process.env, MTD_CONSOLE_DATA_DIR: temp.dir },
  });
  try {
    const url = await new Promise<string>((resolve, reject) => {
      let out = '';
      server.stdout.on('data', (chunk: Buffer) => {
        out += chunk.toString();
        const match = /Open this URL in a browser: (\S+)/.exec(out);
        if (match) resolve(match[1]!);
      });
      server.on('exit', (code) => reject(new Error(`serve exited with ${String(code)}`)));
    });
    await page.goto(url);
    const notices = page.getByRole('region', { name: 'Notices' });
    await expect(notices.getByText(/The settings file could not be read \(it is not valid JSON\)/)).toBeVisible();
    const backups = fs.readdirSync(temp.dir).filter((name) => name.startsWith('settings.unreadable-'));
    expect(backups).toHaveLength(1);
    expect(fs.readFileSync(path.join(temp.dir, backups[0]!), 'utf8')).toBe(corrupt);
    await expect(notices.getByText(backups[0]!, { exact: false })).toBeVisible();
  } finally {
    server.kill();
    temp.cleanup();
  }
});
