import { vi } from 'vitest';

const ENTRA_HOST = 'https://login.microsoftonline.com/';

/**
 * msal-node sends its token requests with the global fetch. This sends the
 * ones for Entra ID's token endpoint to a local server instead, refuses any
 * other Entra request, and lets everything else (the test playing the browser) through.
 */
export function rerouteEntraTokenRequests(tokenUrl: string): void {
  const realFetch = globalThis.fetch;
  vi.stubGlobal('fetch', (input: string | URL | Request, init?: RequestInit): Promise<Response> => {
    const url = input instanceof Request ? input.url : String(input);
    if (!url.startsWith(ENTRA_HOST)) return realFetch(input, init);
    if (new URL(url).pathname.endsWith('/oauth2/v2.0/token')) return realFetch(tokenUrl, init);
    return Promise.reject(new Error(`unexpected request to Entra ID: ${url}`));
  });
}

/** An unsigned ID token (msal reads its claims; it does not check signatures). */
export function unsignedIdToken(claims: Record<string, unknown>): string {
  return [{ alg: 'none', typ: 'JWT' }, claims].map((part) => Buffer.from(JSON.stringify(part)).toString('base64url')).join('.') + '.';
}

export function clientInfo(oid: string, tid: string): string {
  return Buffer.from(JSON.stringify({ uid: oid, utid: tid })).toString('base64url');
}
