// The only file that touches ipcMain: every channel of the contract gets one
// handler that checks the sender before the core's dispatcher sees the call.
import { ipcMain, type BrowserWindow, type IpcMainInvokeEvent } from 'electron';
import { appError, CHANNEL_NAMES, fail } from '../../shared/ipc';
import type { Core } from '../core/core';
import type { CallContext } from '../core/dispatcher';
import { isTrustedRendererUrl } from '../core/trusted-origin';

/** Only the console's own main frame may call: not a sub-frame, not a page it was navigated away to. */
function isTrustedSender(event: IpcMainInvokeEvent, devServerUrl: string | undefined): boolean {
  const frame = event.senderFrame;
  if (!frame || frame.parent !== null) return false;
  return isTrustedRendererUrl(frame.url, devServerUrl);
}

export function registerContractHandlers(core: Core, devServerUrl: string | undefined): void {
  const contextOf = (): CallContext => core.session();
  for (const channel of CHANNEL_NAMES) {
    ipcMain.handle(channel, async (event, payload: unknown) => {
      if (!isTrustedSender(event, devServerUrl)) {
        return fail(appError('forbidden', 'call.notFromWindow', {}));
      }
      return core.dispatcher.dispatch(channel, payload, contextOf());
    });
  }
}

/** Sends the core's events to each window that still shows the console's own renderer. */
export function forwardEvents(core: Core, windows: () => BrowserWindow[], devServerUrl: string | undefined): () => void {
  return core.events.subscribe((event, payload) => {
    for (const window of windows()) {
      const contents = window.webContents;
      if (!contents.isDestroyed() && isTrustedRendererUrl(contents.getURL(), devServerUrl)) contents.send(event, payload);
    }
  });
}
