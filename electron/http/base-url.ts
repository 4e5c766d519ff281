import { ApiError, UNTRUSTED_URL } from './api-error';

const LOOPBACK_HOSTS = new Set(['127.0.0.1', 'localhost', '[::1]']);

/** Tokens and secrets travel only over https, or plain http on loopback (the demo tenant, tests). */
export function isHttpsOrLoopback(url: URL): boolean {
  return url.protocol === 'https:' || (url.protocol === 'http:' && LOOPBACK_HOSTS.has(url.hostname));
}

/**
 * A service's base URL without its trailing slash. Tokens travel with every
 * call, so plain http is refused except on loopback.
 */
export function normalizeBaseUrl(raw: string): string {
  const url = new URL(raw);
  if (!isHttpsOrLoopback(url)) throw new Error(`Refusing base URL ${url.origin}: only https, or http on loopback.`);
  if (url.search !== '' || url.hash !== '') throw new Error('A base URL takes no query or fragment.');
  return url.href.replace(/\/+$/, '');
}

/**
 * A path relative to the base, or an absolute URL the service handed back
 * (a next or delta link) as long as it stays on the base's origin, so the
 * bearer token never goes anywhere else.
 */
export function resolveServiceUrl(service: string, baseUrl: string, pathOrUrl: string): string {
  if (/^[a-z][a-z\d+.-]*:/i.test(pathOrUrl)) {
    const url = new URL(pathOrUrl);
    if (url.origin !== new URL(baseUrl).origin) {
      throw new ApiError({ service, status: 0, method: 'GET', url: url.origin, code: UNTRUSTED_URL, message: 'The service linked to another origin.' });
    }
    return url.href;
  }
  return new URL(`${baseUrl}${pathOrUrl.startsWith('/') ? '' : '/'}${pathOrUrl}`).href;
}
