// Intune's partner side, demo only (there is no public API): the console reports each
// device's partnerReportedThreatState and its heartbeat, and managedDevices reflect them.
import { isPartnerReportedThreatState } from '../../shared/domain/partner-state';
import type { DemoTenantState } from './demo-tenant-state';
import { graphError, json } from './graph-responses';

export const MAX_STATES_PER_REQUEST = 1000;

export async function handlePartner(tenant: DemoTenantState, request: Request, url: URL): Promise<Response> {
  const verdict = tenant.tokens.verify(request.headers.get('authorization'), 'graph');
  if (typeof verdict === 'string') return graphError(401, 'InvalidAuthenticationToken', 'Access token is missing, invalid or expired.');
  if (verdict.kind !== 'app') return graphError(403, 'Forbidden', 'Partner sync needs the application, not a user.');
  const fault = tenant.faults.draw(url.pathname, ['throttle', 'server-error']);
  if (fault) {
    return fault.kind === 'throttle'
      ? graphError(429, 'TooManyRequests', 'Too many requests.', { 'Retry-After': String(fault.retryAfterSeconds ?? 1) })
      : graphError(fault.status ?? 503, 'ServiceUnavailable', 'The service is temporarily unavailable (injected fault).');
  }
  if (request.method !== 'POST') return graphError(405, 'MethodNotAllowed', 'Partner sync takes POST requests.');
  let body: unknown;
  try {
    body = await request.json();
  } catch {
    return graphError(400, 'BadRequest', 'The request body is not valid JSON.');
  }
  const now = tenant.clock.now();
  if (url.pathname === '/partner/v1/heartbeat') {
    tenant.data.connector.lastHeartbeatAt = now;
    return json(200, { connectorId: tenant.data.connector.id, lastHeartbeatDateTime: new Date(now).toISOString() });
  }
  if (url.pathname === '/partner/v1/deviceThreatStates') {
    const states = (body as { states?: unknown }).states;
    if (!Array.isArray(states) || states.length > MAX_STATES_PER_REQUEST) {
      return graphError(400, 'BadRequest', `states must be an array of at most ${MAX_STATES_PER_REQUEST} entries.`);
    }
    const unknownDevices: string[] = [];
    let updated = 0;
    for (const entry of states as { managedDeviceId?: unknown; partnerReportedThreatState?: unknown }[]) {
      if (typeof entry.managedDeviceId !== 'string' || !isPartnerReportedThreatState(entry.partnerReportedThreatState)) {
        return graphError(400, 'BadRequest', 'Each state needs a managedDeviceId and a valid partnerReportedThreatState.');
      }
      const device = tenant.devicesById.get(entry.managedDeviceId);
      if (!device || !tenant.isDeviceInIntune(device)) {
        unknownDevices.push(entry.managedDeviceId);
        continue;
      }
      device.partnerReportedThreatState = entry.partnerReportedThreatState;
      updated += 1;
    }
    return json(200, { updated, unknownDevices });
  }
  return graphError(404, 'ResourceNotFound', `No partner route ${url.pathname}.`);
}
