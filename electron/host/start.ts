// `npm start`: the Electron app where an Electron binary can be had; otherwise,
// after one line saying why, the same console in the browser host.
import { spawn } from 'node:child_process';
import path from 'node:path';
import { build } from 'vite';
import { ensureElectronBinary, missingDisplayReason } from './electron-binary';
import { PROJECT_ROOT } from './project-paths';
import { serve } from './serve';

function electronUnavailableReason(): string | null {
  if (process.env.MTD_CONSOLE_HOST === 'browser') return 'MTD_CONSOLE_HOST=browser is set';
  const binary = ensureElectronBinary();
  if (!binary.available) return binary.reason;
  return missingDisplayReason();
}

const reason = electronUnavailableReason();
if (reason === null) {
  const forge = path.join(PROJECT_ROOT, 'node_modules', '.bin', process.platform === 'win32' ? 'electron-forge.cmd' : 'electron-forge');
  const child = spawn(forge, ['start'], { cwd: PROJECT_ROOT, stdio: 'inherit', shell: process.platform === 'win32' });
  child.on('exit', (code) => process.exit(code ?? 0));
} else {
  process.stdout.write(`Electron is not available here: ${reason}. Starting the browser host instead.\n`);
  await build({ configFile: path.join(PROJECT_ROOT, 'vite.renderer.config.ts'), logLevel: 'warn' });
  await serve();
}
