/** The custom scheme the packaged renderer is served from (app://bundle/index.html). */
export const APP_SCHEME = 'app';
export const APP_HOST = 'bundle';
export const APP_ORIGIN_URL = `${APP_SCHEME}://${APP_HOST}/`;

/**
 * Whether a URL belongs to the console's own renderer: the app:// bundle, or the
 * Vite dev server during development. Non-special schemes have an opaque origin in
 * WHATWG URL, so the scheme and host are compared instead of URL.origin.
 */
export function isTrustedRendererUrl(url: string, devServerUrl?: string): boolean {
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    return false;
  }
  if (parsed.protocol === `${APP_SCHEME}:` && parsed.host === APP_HOST) return true;
  if (!devServerUrl) return false;
  try {
    return parsed.origin === new URL(devServerUrl).origin;
  } catch {
    return false;
  }
}
