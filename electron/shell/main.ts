// The Electron main process: app lifecycle around the same core the browser host runs.
import { app, BrowserWindow, session, shell } from 'electron';
import path from 'node:path';
import { createCore, type Core } from '../core/core';
import { resolveDataDir } from '../core/data-dir';
import { createConsoleLogger } from '../http/logger';
import { APP_ORIGIN_URL } from '../core/trusted-origin';
import { registerAppScheme, serveRenderer } from './app-protocol';
import { denyNavigationAndWindows, denyPermissions } from './hardening';
import { forwardEvents, registerContractHandlers } from './ipc-main';
import { electronStoreSettingsBackend } from './electron-store-backend';
import { utilityEngineLauncher } from './engine-utility-process';
import { createSafeStorageCipher } from './safe-storage-cipher';
import { createMainWindow } from './window';

const devServerUrl = typeof MAIN_WINDOW_VITE_DEV_SERVER_URL === 'string' ? MAIN_WINDOW_VITE_DEV_SERVER_URL : undefined;
const rendererName = typeof MAIN_WINDOW_VITE_NAME === 'string' ? MAIN_WINDOW_VITE_NAME : 'main_window';
const rendererDir = path.join(__dirname, '..', 'renderer', rendererName);
const preloadPath = path.join(__dirname, 'preload.cjs');
const startUrl = devServerUrl ?? `${APP_ORIGIN_URL}index.html`;

const logger = createConsoleLogger('main');
const dataDir = resolveDataDir();
app.setPath('userData', dataDir);
registerAppScheme();
// Only the sign-in or consent page main itself began may open, in the system browser ("Open the page again").
denyNavigationAndWindows(devServerUrl, (url) => core?.browserStepUrl() === url);

let core: Core | undefined;

function openWindow(): BrowserWindow {
  return createMainWindow(preloadPath, startUrl);
}

if (!app.requestSingleInstanceLock()) {
  app.quit();
} else {
  app.on('second-instance', () => {
    const [window] = BrowserWindow.getAllWindows();
    if (window) {
      if (window.isMinimized()) window.restore();
      window.focus();
    }
  });

  app.on('window-all-closed', () => {
    if (process.platform !== 'darwin') app.quit();
  });

  app.on('activate', () => {
    if (app.isReady() && BrowserWindow.getAllWindows().length === 0) openWindow();
  });

  app.on('will-quit', () => {
    void core?.close();
  });

  void app.whenReady().then(() => {
    denyPermissions(session.defaultSession, devServerUrl);
    serveRenderer(rendererDir);
    core = createCore({
      version: app.getVersion(),
      host: 'electron',
      dataDir,
      logger,
      settingsBackend: electronStoreSettingsBackend,
      engineLauncher: utilityEngineLauncher(),
      cipher: createSafeStorageCipher(),
      // Sign-in and admin consent open in the system browser (passkeys and the admin's own session work there).
      openExternal: (url) => shell.openExternal(url),
    });
    registerContractHandlers(core, devServerUrl);
    forwardEvents(core, () => BrowserWindow.getAllWindows(), devServerUrl);
    openWindow();
  });
}
