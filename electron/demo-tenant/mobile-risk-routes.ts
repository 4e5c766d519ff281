// Lookout Mobile Risk API v2 as the demo tenant serves it: OAuth with the
// application key, device and threat lists, and the resumable event stream.
import { mraDevice, mraThreat } from './agent-state';
import type { DemoTenantState } from './demo-tenant-state';
import { json } from './graph-responses';
import type { DemoEvent, MtdEventType } from './tenant-model';

const PREFIX = '/lookout';
export const MAX_LIST_LIMIT = 1000;
export const EVENTS_PER_MESSAGE = 100;
const EVENT_TYPES: readonly MtdEventType[] = ['DEVICE', 'THREAT', 'AUDIT'];
const POLL_MS = 500;
const HEARTBEAT_MS = 15_000;

function mraError(status: number, error: string, message: string, headers: Record<string, string> = {}): Response {
  return json(status, { errorCode: error, message }, headers);
}

function parseLimit(value: string | null): number | Response {
  if (value === null) return MAX_LIST_LIMIT;
  if (!/^\d+$/.test(value) || Number(value) < 1 || Number(value) > MAX_LIST_LIMIT) return mraError(400, 'INVALID_PARAMETER', `limit must be from 1 to ${MAX_LIST_LIMIT}.`);
  return Number(value);
}

function parseOid(value: string | null): number | Response {
  if (value === null) return 0;
  if (!/^\d+$/.test(value)) return mraError(400, 'INVALID_PARAMETER', 'oid must be a whole number.');
  return Number(value);
}

export function renderEvent(tenant: DemoTenantState, event: DemoEvent): Record<string, unknown> {
  const base = { id: String(event.id), created_time: new Date(event.at).toISOString(), type: event.type, change_type: event.changeType };
  if (event.type === 'AUDIT') {
    return { ...base, actor: { type: 'USER', guid: event.audit?.actor ?? 'unknown' }, audit: { type: event.audit?.action ?? 'UNKNOWN', attribute_changes: [] } };
  }
  const device = tenant.data.devices[event.deviceIndex]!;
  const body: Record<string, unknown> = { ...base, device: mraDevice(device, device.agent!, tenant.threatsByDevice.get(device.index), event.at) };
  if (event.threatIndex !== undefined) body.threat = mraThreat(tenant.data.threats[event.threatIndex]!, device, event.at);
  return body;
}

function eventStream(tenant: DemoTenantState, request: Request, url: URL, types: ReadonlySet<MtdEventType>, lastId: number): Response {
  const events = tenant.data.events;
  // Event ids are 1..n in log order, so the id to resume after is also the index to resume at.
  let cursor = Math.min(Math.max(0, lastId), events.length);
  const encoder = new TextEncoder();
  const cleanups: (() => void)[] = [];
  let closed = false;
  const stream = new ReadableStream<Uint8Array>({
    start(controller) {
      const close = (): void => {
        if (closed) return;
        closed = true;
        for (const cleanup of cleanups) cleanup();
        try {
          controller.close();
        } catch {
          // already closed by the reader
        }
      };
      const push = (): void => {
        if (closed) return;
        const now = tenant.clock.now();
        let batch: Record<string, unknown>[] = [];
        let batchLastId = 0;
        const flush = (): void => {
          if (batch.length === 0) return;
          const broken = batch.find((event) => event.type === 'THREAT');
          if (broken && tenant.faults.draw(url.pathname, ['malformed-event'])) delete (broken.threat as Record<string, unknown>).status;
          controller.enqueue(encoder.encode(`id: ${batchLastId}\nevent: events\ndata: ${JSON.stringify({ events: batch })}\n\n`));
          batch = [];
        };
        while (cursor < events.length && events[cursor]!.at <= now) {
          const event = events[cursor++]!;
          if (!types.has(event.type)) continue;
          batch.push(renderEvent(tenant, event));
          batchLastId = event.id;
          if (batch.length === EVENTS_PER_MESSAGE) flush();
        }
        flush();
      };
      controller.enqueue(encoder.encode(': connected\n\n'));
      push();
      const poll = setInterval(push, POLL_MS);
      const heartbeat = setInterval(() => !closed && controller.enqueue(encoder.encode(': heartbeat\n\n')), HEARTBEAT_MS);
      cleanups.push(() => clearInterval(poll), () => clearInterval(heartbeat), tenant.clock.onChange(push));
      request.signal.addEventListener('abort', close, { once: true });
    },
    cancel() {
      closed = true;
      for (const cleanup of cleanups) cleanup();
    },
  });
  return new Response(stream, { status: 200, headers: { 'content-type': 'text/event-stream', 'cache-control': 'no-cache' } });
}

export async function handleMobileRisk(tenant: DemoTenantState, request: Request, url: URL): Promise<Response> {
  const path = url.pathname.slice(PREFIX.length);
  const rate = tenant.mraRequestAllowed();
  if (!rate.allowed) return mraError(429, 'TOO_MANY_REQUESTS', 'The Mobile Risk API allows 100 requests per minute.', { 'Retry-After': String(rate.retryAfterSeconds) });

  if (path === '/oauth2/token') {
    if (request.method !== 'POST') return mraError(405, 'METHOD_NOT_ALLOWED', 'POST only.');
    const key = /^Bearer\s+(\S+)$/i.exec(request.headers.get('authorization') ?? '')?.[1];
    const form = new URLSearchParams(await request.text());
    if (!tenant.mraAppKeyAccepted(key)) return json(401, { error: 'invalid_client', error_description: 'The application key is not valid.' });
    if (form.get('grant_type') !== 'client_credentials') return json(400, { error: 'unsupported_grant_type', error_description: 'Use grant_type=client_credentials.' });
    const issued = tenant.tokens.issue({ audience: 'mra', subject: 'application-key', kind: 'app' });
    return json(200, { access_token: issued.token, token_type: 'bearer', expires_in: issued.expiresIn });
  }

  const verdict = tenant.tokens.verify(request.headers.get('authorization'), 'mra');
  if (typeof verdict === 'string') return mraError(401, 'UNAUTHORIZED', verdict === 'expired' ? 'The access token has expired.' : 'A valid access token is required.');
  const fault = tenant.faults.draw(url.pathname, ['throttle', 'throttle-date', 'throttle-bare', 'server-error', 'expired-token']);
  if (fault) {
    if (fault.kind === 'server-error') return mraError(fault.status ?? 503, 'SERVICE_UNAVAILABLE', 'Injected fault.');
    if (fault.kind === 'expired-token') return mraError(401, 'UNAUTHORIZED', 'The access token has expired.');
    const retryAfter = fault.kind === 'throttle' ? String(fault.retryAfterSeconds ?? 1) : fault.kind === 'throttle-date' ? new Date(Date.now() + (fault.retryAfterSeconds ?? 2) * 1000).toUTCString() : undefined;
    return mraError(429, 'TOO_MANY_REQUESTS', 'Injected throttling.', retryAfter ? { 'Retry-After': retryAfter } : {});
  }
  if (request.method !== 'GET') return mraError(405, 'METHOD_NOT_ALLOWED', 'GET only.');
  const now = tenant.clock.now();

  if (path === '/mra/api/v2/devices' || path === '/mra/api/v2/threats') {
    const limit = parseLimit(url.searchParams.get('limit'));
    const oid = parseOid(url.searchParams.get('oid'));
    if (limit instanceof Response) return limit;
    if (oid instanceof Response) return oid;
    if (path === '/mra/api/v2/devices') {
      const known = tenant.data.devices.filter((device) => device.agent !== null && device.agent.createdAt <= now);
      const after = known.filter((device) => device.agent!.oid > oid);
      const devices = after.slice(0, limit).map((device) => mraDevice(device, device.agent!, tenant.threatsByDevice.get(device.index), now));
      return json(200, { count: known.length, devices });
    }
    const status = url.searchParams.get('status');
    const known = tenant.data.threats.filter((threat) => threat.foundAt <= now);
    const rendered = known.map((threat) => mraThreat(threat, tenant.data.devices[threat.deviceIndex]!, now)).filter((threat) => status === null || threat.status === status);
    const after = rendered.filter((threat) => threat.oid > oid);
    return json(200, { count: rendered.length, threats: after.slice(0, limit) });
  }

  if (path === '/mra/stream/v2/events') {
    const typeParam = url.searchParams.get('types');
    const types = typeParam === null ? EVENT_TYPES : typeParam.split(',').map((t) => t.trim().toUpperCase());
    if (types.length === 0 || types.some((t) => !EVENT_TYPES.includes(t as MtdEventType))) {
      return mraError(400, 'INVALID_PARAMETER', `types must list DEVICE, THREAT or AUDIT; got ${JSON.stringify(typeParam)}.`);
    }
    const resumeFrom = request.headers.get('last-event-id') ?? url.searchParams.get('id') ?? '0';
    if (!/^\d+$/.test(resumeFrom)) return mraError(400, 'INVALID_PARAMETER', 'The last event id must be a whole number.');
    return eventStream(tenant, request, url, new Set(types as MtdEventType[]), Number(resumeFrom));
  }
  return mraError(404, 'NOT_FOUND', `No route ${url.pathname}.`);
}
