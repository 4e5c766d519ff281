// The served tenant's demo-only routes under /_demo/ (not part of any Microsoft or
// Lookout API): request counts for benchmarks in another process, and the switches
// end-to-end tests turn from outside (the tenant's consent, a user's Intune role).
import type http from 'node:http';
import type { DemoTenant } from './demo-tenant';

/** HTTP requests received, by path prefix: /graph/, /lookout/, /partner/ (a $batch counts once). */
export interface DemoRequestStats {
  graphRequests: number;
  mraRequests: number;
  partnerRequests: number;
}

export const DEMO_STATS_PATH = '/_demo/stats';
export const DEMO_CONSENT_PATH = '/_demo/consent';
const INTUNE_ROLE_PATH = /^\/_demo\/users\/([^/]{1,256})\/intune-role$/;
const MAX_BODY_BYTES = 1024;

export const emptyStats = (): DemoRequestStats => ({ graphRequests: 0, mraRequests: 0, partnerRequests: 0 });

function send(res: http.ServerResponse, status: number, body?: unknown): void {
  if (body === undefined) {
    res.writeHead(status).end();
    return;
  }
  res.writeHead(status, { 'content-type': typeof body === 'string' ? 'text/plain; charset=utf-8' : 'application/json', 'x-content-type-options': 'nosniff' }).end(typeof body === 'string' ? body : JSON.stringify(body));
}

class BodyError extends Error {
  constructor(
    readonly status: 400 | 413,
    message: string,
  ) {
    super(message);
    this.name = 'BodyError';
  }
}

function readJson(req: http.IncomingMessage): Promise<unknown> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    const onData = (chunk: Buffer): void => {
      size += chunk.length;
      if (size <= MAX_BODY_BYTES) return void chunks.push(chunk);
      // Read the rest and drop it, so the answer reaches the client instead of a reset.
      req.off('data', onData).resume();
      reject(new BodyError(413, 'The body is too large.'));
    };
    req.on('data', onData);
    req.on('end', () => {
      try {
        resolve(JSON.parse(Buffer.concat(chunks).toString('utf8')));
      } catch {
        reject(new BodyError(400, 'The body is not JSON.'));
      }
    });
    req.on('error', reject);
  });
}

async function setIntuneRole(tenant: DemoTenant, req: http.IncomingMessage, res: http.ServerResponse, rawUpn: string): Promise<void> {
  let upn: string;
  try {
    upn = decodeURIComponent(rawUpn);
  } catch {
    return send(res, 400, 'The user principal name is not valid URL encoding.');
  }
  let body: unknown;
  try {
    body = await readJson(req);
  } catch (error) {
    return send(res, error instanceof BodyError ? error.status : 400, (error as Error).message);
  }
  const enabled = (body as { enabled?: unknown } | null)?.enabled;
  if (typeof enabled !== 'boolean') return send(res, 400, 'The body must be {"enabled": true} or {"enabled": false}.');
  try {
    tenant.setIntuneRole(upn, enabled);
  } catch (error) {
    if (error instanceof RangeError) return send(res, 404, error.message);
    throw error;
  }
  send(res, 200, { userPrincipalName: upn, intuneRole: enabled });
}

/** Answers the /_demo/ routes; false when the request is for the tenant. */
export function demoControlRoute(tenant: DemoTenant, req: http.IncomingMessage, res: http.ServerResponse, pathname: string, stats: DemoRequestStats): boolean {
  if (!pathname.startsWith('/_demo/')) return false;
  const method = req.method ?? '';
  const intuneRole = INTUNE_ROLE_PATH.exec(pathname);
  if (pathname === DEMO_STATS_PATH && method === 'GET') send(res, 200, stats);
  else if (pathname === `${DEMO_STATS_PATH}/reset` && method === 'POST') {
    Object.assign(stats, emptyStats());
    send(res, 204);
  } else if (pathname === DEMO_CONSENT_PATH && method === 'GET') send(res, 200, tenant.consent);
  else if (pathname === DEMO_CONSENT_PATH && method === 'DELETE') {
    tenant.revokeConsent();
    send(res, 200, tenant.consent);
  } else if (intuneRole && method === 'PUT') {
    setIntuneRole(tenant, req, res, intuneRole[1]!).catch(() => {
      if (!res.headersSent) send(res, 500, 'The Intune role could not be changed.');
    });
  } else send(res, 404, `No demo route ${method.slice(0, 10)} ${pathname.slice(0, 200)}.`);
  return true;
}
