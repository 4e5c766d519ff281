import { protocol } from 'electron';
import { SECURITY_HEADERS } from '../core/content-security-policy';
import { readStaticFile } from '../core/static-files';
import { APP_HOST, APP_SCHEME } from '../core/trusted-origin';

/** Must run before the app is ready: app:// behaves as a secure, standard origin (not file://). */
export function registerAppScheme(): void {
  protocol.registerSchemesAsPrivileged([
    { scheme: APP_SCHEME, privileges: { standard: true, secure: true, supportFetchAPI: true } },
  ]);
}

/** Serves the built renderer at app://bundle/ with the console's CSP. */
export function serveRenderer(rendererDir: string): void {
  protocol.handle(APP_SCHEME, async (request) => {
    const url = new URL(request.url);
    const file = url.host === APP_HOST ? await readStaticFile(rendererDir, url.pathname) : null;
    if (!file) return new Response('Not found', { status: 404, headers: SECURITY_HEADERS });
    return new Response(new Uint8Array(file.body), {
      status: 200,
      headers: { ...SECURITY_HEADERS, 'content-type': file.contentType },
    });
  });
}
