import { app, shell, type Session } from 'electron';
import { CONTENT_SECURITY_POLICY } from '../core/content-security-policy';
import { isTrustedRendererUrl } from '../core/trusted-origin';

/**
 * No navigation away from the console, no new windows, no webviews: for every web contents
 * ever created. A new window asked for the Microsoft page of the sign-in under way opens
 * that exact page in the system browser instead.
 */
export function denyNavigationAndWindows(devServerUrl: string | undefined, isBrowserStep: (url: string) => boolean): void {
  app.on('web-contents-created', (_event, contents) => {
    contents.on('will-navigate', (event, url) => {
      if (!isTrustedRendererUrl(url, devServerUrl)) event.preventDefault();
    });
    contents.on('will-redirect', (event, url) => {
      if (!isTrustedRendererUrl(url, devServerUrl)) event.preventDefault();
    });
    contents.on('will-attach-webview', (event) => event.preventDefault());
    contents.setWindowOpenHandler(({ url }) => {
      if (isBrowserStep(url)) void shell.openExternal(url);
      return { action: 'deny' };
    });
  });
}

/** The console needs no camera, notifications, clipboard reads or devices: every permission is refused. */
export function denyPermissions(session: Session, devServerUrl: string | undefined): void {
  session.setPermissionRequestHandler((_contents, _permission, callback) => callback(false));
  session.setPermissionCheckHandler(() => false);
  session.setDevicePermissionHandler(() => false);
  if (devServerUrl) {
    // The Vite dev server needs its inline refresh preamble and its HMR socket; production never does.
    const devPolicy = CONTENT_SECURITY_POLICY.replace("script-src 'self'", "script-src 'self' 'unsafe-inline'").replace(
      "connect-src 'self'",
      "connect-src 'self' ws://localhost:* ws://127.0.0.1:*",
    );
    session.webRequest.onHeadersReceived({ urls: [`${new URL(devServerUrl).origin}/*`] }, (details, callback) => {
      callback({ responseHeaders: { ...details.responseHeaders, 'Content-Security-Policy': [devPolicy] } });
    });
  }
}
