// Microsoft Graph v1.0 as the demo tenant serves it: the directory, Intune's
// managed devices and MTD connector, $batch, delta, paging and Graph's errors.
import { checkMemberObjects } from './check-member-objects';
import type { DemoTenantState } from './demo-tenant-state';
import { GLOBAL_ADMIN_TEMPLATE_ID } from './directory-roles';
import type { FaultRule } from './faults';
import { ACCESS, refusal, type RouteAccess } from './graph-permissions';
import { graphError, json } from './graph-responses';
import { compliancePolicyJson, connectorJson, groupJson, lastSyncDateTime, managedDeviceJson, userJson } from './graph-views';
import { decodeSkipToken, encodeSkipToken, matcher, ODataError, page, parseTop, select } from './odata';
import type { DemoDevice, DemoGroup } from './tenant-model';
import type { TokenClaims } from './token-issuer';

const BASE_PATH = '/graph/v1.0';
export const MAX_BATCH_REQUESTS = 20;

interface GraphCall {
  tenant: DemoTenantState;
  method: string;
  url: URL;
  /** Path below /graph/v1.0, e.g. "/groups/abc/members". */
  path: string;
  claims: TokenClaims;
  body: unknown;
  /** The ConsistencyLevel request header: Graph's advanced queries ($count on directory objects) need "eventual". */
  consistencyLevel: string | null;
}

type Route = [method: string, pattern: RegExp, access: RouteAccess, handler: (call: GraphCall, match: RegExpMatchArray) => Response | Promise<Response>];

const ONLY_DELEGATED = (): Response => graphError(400, 'BadRequest', '/me request is only valid with delegated authentication flow.');

function notFound(what: string): Response {
  return graphError(404, 'Request_ResourceNotFound', `Resource '${what}' does not exist or one of its queried reference-property objects are not present.`);
}

/** A collection page with @odata.nextLink built from the request's own URL, as Graph does. */
function collection(call: GraphCall, items: unknown[], next: number | null, extra: Record<string, unknown> = {}): Response {
  const body: Record<string, unknown> = { '@odata.context': `${call.url.origin}${BASE_PATH}/$metadata#${call.path.replace(/^\//, '')}`, value: items, ...extra };
  if (next !== null) {
    const link = new URL(call.url);
    link.searchParams.set('$skiptoken', encodeSkipToken(next));
    body['@odata.nextLink'] = link.toString();
  }
  return json(200, body);
}

function paged<T>(call: GraphCall, items: readonly T[], options: { filterFields: readonly string[]; get: (item: T, field: string) => unknown; render: (item: T) => Record<string, unknown>; defaultTop: number; maxTop: number; countable?: boolean }): Response {
  const params = call.url.searchParams;
  const keep = matcher(params.get('$filter'), options.get, options.filterFields);
  const top = parseTop(params.get('$top'), options.defaultTop, options.maxTop);
  const counted = params.get('$count') === 'true';
  if (counted && options.countable && call.consistencyLevel?.toLowerCase() !== 'eventual') {
    return graphError(400, 'Request_BadRequest', 'Count is not currently supported on this request without the ConsistencyLevel header set to eventual.');
  }
  const result = page(items, keep, decodeSkipToken(params.get('$skiptoken')), top);
  const extra = counted && options.countable ? { '@odata.count': items.filter(keep).length } : {};
  return collection(call, result.items.map((item) => select(options.render(item), params.get('$select'))), result.next, extra);
}

/** A directory collection (groups, users) as Graph pages it: 100 by default, 999 at most, filtered on the object's own fields. */
function directoryPage<T>(call: GraphCall, items: readonly T[], filterFields: readonly string[], render: (item: T) => Record<string, unknown>): Response {
  return paged(call, items, { filterFields, get: (item, field) => render(item)[field], render, defaultTop: 100, maxTop: 999, countable: true });
}

function memberObjects(call: GraphCall, group: DemoGroup, transitive: boolean): { id: string; json: Record<string, unknown> }[] {
  const { tenant } = call;
  const out: { id: string; json: Record<string, unknown> }[] = [];
  const seen = new Set<string>();
  const visit = (current: DemoGroup): void => {
    for (const userId of current.memberUserIds) {
      const user = tenant.usersById.get(userId);
      if (user && !seen.has(userId)) {
        seen.add(userId);
        out.push({ id: userId, json: userJson(user) });
      }
    }
    for (const groupId of current.memberGroupIds) {
      const nested = tenant.groupsById.get(groupId);
      if (!nested || seen.has(groupId)) continue;
      seen.add(groupId);
      out.push({ id: groupId, json: groupJson(nested) });
      if (transitive) visit(nested);
    }
  };
  visit(group);
  return out;
}

function listMembers(call: GraphCall, match: RegExpMatchArray): Response {
  const group = call.tenant.groupsById.get(match[1]!);
  if (!group) return notFound(match[1]!);
  const cast = match[3];
  const members = memberObjects(call, group, match[2] === 'transitiveMembers').filter(
    (member) => !cast || member.json['@odata.type'] === `#${cast}`,
  );
  return paged(call, members, { filterFields: [], get: () => undefined, render: (m) => m.json, defaultTop: 100, maxTop: 999, countable: true });
}

function memberOf(call: GraphCall, userId: string): Response {
  const { tenant } = call;
  const user = tenant.usersById.get(userId);
  if (!user) return notFound(userId);
  const items: Record<string, unknown>[] = tenant.data.groups.filter((group) => group.memberUserIds.includes(userId)).map(groupJson);
  if (user.role === 'globalAdmin') {
    items.push({ '@odata.type': '#microsoft.graph.directoryRole', id: tenant.data.globalAdminRoleId, displayName: 'Global Administrator', roleTemplateId: GLOBAL_ADMIN_TEMPLATE_ID });
  }
  return paged(call, items, { filterFields: [], get: () => undefined, render: (item) => item, defaultTop: 100, maxTop: 999 });
}

function userDevices(call: GraphCall, userId: string): Response {
  const { tenant } = call;
  if (!tenant.usersById.has(userId)) return notFound(userId);
  const devices = (tenant.devicesByUser.get(userId) ?? []).filter((device) => tenant.isDeviceInIntune(device));
  const now = tenant.clock.now();
  return paged(call, devices, { filterFields: [], get: () => undefined, render: (d) => managedDeviceJson(tenant, d, now), defaultTop: 1000, maxTop: 1000 });
}

function deviceField(tenant: DemoTenantState, now: number) {
  // Filters scan up to 100,000 devices per page: read stored fields directly, render only computed ones.
  return (device: DemoDevice, field: string): unknown => {
    switch (field) {
      case 'lastSyncDateTime':
        return lastSyncDateTime(device, now);
      case 'operatingSystem':
      case 'userId':
      case 'userPrincipalName':
      case 'deviceName':
      case 'partnerReportedThreatState':
        return device[field];
      default:
        return (managedDeviceJson(tenant, device, now) as Record<string, unknown>)[field];
    }
  };
}

function groupsDelta(call: GraphCall): Response {
  const { tenant } = call;
  const params = call.url.searchParams;
  const withMembers = !params.get('$select') || params.get('$select')!.split(',').includes('members');
  const deltaLink = (version: number): string => {
    const link = new URL(`${call.url.origin}${BASE_PATH}/groups/delta`);
    if (params.get('$select')) link.searchParams.set('$select', params.get('$select')!);
    link.searchParams.set('$deltatoken', Buffer.from(JSON.stringify({ v: version })).toString('base64url'));
    return link.toString();
  };
  const token = params.get('$deltatoken');
  // As in Graph: skip the initial sync and start tracking from now.
  if (token === 'latest') return collection(call, [], null, { '@odata.deltaLink': deltaLink(tenant.membershipVersion) });
  if (token === null) {
    // Initial sync: every group with all its members as additions, in pages, then the delta link.
    const start = decodeSkipToken(params.get('$skiptoken'));
    const result = page(tenant.data.groups, () => true, start, 100);
    const items = result.items.map((group) => {
      const body: Record<string, unknown> = select(groupJson(group), params.get('$select'));
      if (withMembers) body['members@delta'] = memberObjects(call, group, false).map((m) => ({ '@odata.type': m.json['@odata.type'], id: m.id }));
      return body;
    });
    return collection(call, items, result.next, result.next === null ? { '@odata.deltaLink': deltaLink(tenant.membershipVersion) } : {});
  }
  let since: number;
  try {
    const parsed = JSON.parse(Buffer.from(token, 'base64url').toString('utf8')) as { v?: unknown };
    if (typeof parsed.v !== 'number') throw new Error('bad');
    since = parsed.v;
  } catch {
    return graphError(400, 'BadRequest', 'The $deltatoken is not valid.');
  }
  const byGroup = new Map<string, Map<string, { type: 'user' | 'group'; removed: boolean }>>();
  for (const change of tenant.membershipLog) {
    if (change.version <= since) continue;
    const members = byGroup.get(change.groupId) ?? new Map();
    members.set(change.memberId, { type: change.memberType, removed: change.removed });
    byGroup.set(change.groupId, members);
  }
  const items = [...byGroup].map(([groupId, members]) => {
    const group = tenant.groupsById.get(groupId)!;
    const body: Record<string, unknown> = select(groupJson(group), params.get('$select'));
    if (withMembers) {
      body['members@delta'] = [...members].map(([id, change]) => ({
        '@odata.type': `#microsoft.graph.${change.type}`,
        id,
        ...(change.removed ? { '@removed': { reason: 'deleted' } } : {}),
      }));
    }
    return body;
  });
  return collection(call, items, null, { '@odata.deltaLink': deltaLink(tenant.membershipVersion) });
}

const ROUTES: Route[] = [
  ['GET', /^\/organization$/, ACCESS.organization, ({ tenant }) =>
    json(200, { value: [{ id: tenant.data.tenantId, displayName: tenant.displayName, verifiedDomains: [{ name: tenant.data.tenantDomain, isDefault: true, isInitial: true }] }] })],
  ['GET', /^\/groups$/, ACCESS.groups, (call) => directoryPage(call, call.tenant.data.groups, ['displayName', 'securityEnabled', 'mailEnabled'], groupJson)],
  ['GET', /^\/groups\/delta$/, ACCESS.groups, groupsDelta],
  ['GET', /^\/groups\/([^/]+)$/, ACCESS.groups, (call, m) => {
    const group = call.tenant.groupsById.get(m[1]!);
    return group ? json(200, select(groupJson(group), call.url.searchParams.get('$select'))) : notFound(m[1]!);
  }],
  ['GET', /^\/groups\/([^/]+)\/(members|transitiveMembers)(?:\/(microsoft\.graph\.(?:user|group)))?$/, ACCESS.groups, listMembers],
  ['GET', /^\/me$/, ACCESS.me, (call) => {
    const user = call.claims.kind === 'user' ? call.tenant.usersById.get(call.claims.subject) : undefined;
    return user ? json(200, select(userJson(user), call.url.searchParams.get('$select'))) : ONLY_DELEGATED();
  }],
  ['GET', /^\/me\/memberOf$/, ACCESS.me, (call) => (call.claims.kind === 'user' ? memberOf(call, call.claims.subject) : ONLY_DELEGATED())],
  ['POST', /^\/me\/checkMemberObjects$/, ACCESS.me, (call) => {
    const user = call.claims.kind === 'user' ? call.tenant.usersById.get(call.claims.subject) : undefined;
    return user ? checkMemberObjects(call.tenant, user, call.body) : ONLY_DELEGATED();
  }],
  ['POST', /^\/users\/([^/]+)\/checkMemberObjects$/, ACCESS.users, (call, m) => {
    const user = call.tenant.usersById.get(m[1]!);
    return user ? checkMemberObjects(call.tenant, user, call.body) : notFound(m[1]!);
  }],
  ['GET', /^\/users$/, ACCESS.users, (call) => directoryPage(call, call.tenant.data.users, ['displayName', 'userPrincipalName', 'mail'], userJson)],
  ['GET', /^\/users\/([^/]+)$/, ACCESS.users, (call, m) => {
    const user = call.tenant.usersById.get(m[1]!) ?? call.tenant.data.users.find((u) => u.userPrincipalName.toLowerCase() === m[1]!.toLowerCase());
    return user ? json(200, select(userJson(user), call.url.searchParams.get('$select'))) : notFound(m[1]!);
  }],
  ['GET', /^\/users\/([^/]+)\/memberOf$/, ACCESS.userGroups, (call, m) => memberOf(call, m[1]!)],
  ['GET', /^\/users\/([^/]+)\/managedDevices$/, ACCESS.managedDevices, (call, m) => userDevices(call, m[1]!)],
  ['GET', /^\/deviceManagement\/managedDevices$/, ACCESS.managedDevices, (call) => {
    const { tenant } = call;
    const now = tenant.clock.now();
    const devices = tenant.data.devices.filter((device) => tenant.isDeviceInIntune(device));
    return paged(call, devices, {
      filterFields: ['operatingSystem', 'lastSyncDateTime', 'userId', 'userPrincipalName', 'deviceName', 'complianceState', 'partnerReportedThreatState'],
      get: deviceField(tenant, now),
      render: (device) => managedDeviceJson(tenant, device, now),
      defaultTop: 1000,
      maxTop: 1000,
    });
  }],
  ['GET', /^\/deviceManagement\/managedDevices\/([^/]+)$/, ACCESS.managedDevices, (call, m) => {
    const device = call.tenant.devicesById.get(m[1]!);
    return device && call.tenant.isDeviceInIntune(device)
      ? json(200, select(managedDeviceJson(call.tenant, device, call.tenant.clock.now()), call.url.searchParams.get('$select')))
      : graphError(404, 'ResourceNotFound', `managedDevice ${m[1]!} was not found.`);
  }],
  // App protection registrations of unenrolled devices: none yet in the demo tenant.
  ['GET', /^\/deviceAppManagement\/managedAppRegistrations$/, ACCESS.appRegistrations, (call) => collection(call, [], null)],
  ['GET', /^\/deviceManagement\/deviceCompliancePolicies$/, ACCESS.compliancePolicies, (call) => collection(call, call.tenant.data.policies.map(compliancePolicyJson), null)],
  ['GET', /^\/deviceManagement\/mobileThreatDefenseConnectors$/, ACCESS.mtdConnectors, (call) => collection(call, [connectorJson(call.tenant, call.tenant.clock.now())], null)],
  ['GET', /^\/deviceManagement\/mobileThreatDefenseConnectors\/([^/]+)$/, ACCESS.mtdConnectors, (call, m) =>
    m[1] === call.tenant.data.connector.id ? json(200, connectorJson(call.tenant, call.tenant.clock.now())) : graphError(404, 'ResourceNotFound', `mobileThreatDefenseConnector ${m[1]!} was not found.`)],
];

async function route(call: GraphCall): Promise<Response> {
  try {
    for (const [method, pattern, access, handler] of ROUTES) {
      const match = call.path.match(pattern);
      if (!match || method !== call.method) continue;
      return refusal(call.tenant, call.claims, access, call.path) ?? (await handler(call, match));
    }
    return graphError(400, 'BadRequest', `Resource not found for the segment '${call.path.split('/')[1] ?? ''}'.`);
  } catch (error) {
    if (error instanceof ODataError) return graphError(400, 'BadRequest', error.message);
    throw error;
  }
}

function faultResponse(fault: FaultRule, now: number): Response {
  switch (fault.kind) {
    case 'throttle':
      return graphError(429, 'TooManyRequests', 'Too many requests.', { 'Retry-After': String(fault.retryAfterSeconds ?? 1) });
    case 'throttle-date':
      return graphError(429, 'TooManyRequests', 'Too many requests.', { 'Retry-After': new Date(now + (fault.retryAfterSeconds ?? 2) * 1000).toUTCString() });
    case 'throttle-bare':
      return graphError(429, 'TooManyRequests', 'Too many requests.');
    case 'server-error':
      return graphError(fault.status ?? 503, 'ServiceUnavailable', 'The service is temporarily unavailable (injected fault).');
    case 'expired-token':
      return graphError(401, 'InvalidAuthenticationToken', 'Lifetime validation failed, the token is expired.');
    case 'delta-gone':
      return graphError(410, 'SyncStateNotFound', 'The sync state generated by the delta token has expired; resync from the start.');
    default:
      throw new Error(`fault ${fault.kind} is not an early answer`);
  }
}

async function postProcess(tenant: DemoTenantState, path: string, response: Response): Promise<Response> {
  const fault = tenant.faults.draw(path, ['truncated-page', 'malformed-json']);
  if (!fault || response.status !== 200) return response;
  if (fault.kind === 'malformed-json') return new Response('{"value":[{"id":', { status: 200, headers: { 'content-type': 'application/json' } });
  const body = (await response.json()) as Record<string, unknown>;
  delete body['@odata.nextLink'];
  return json(200, body);
}

function batchHeader(headers: unknown, name: string): string | null {
  if (typeof headers !== 'object' || headers === null) return null;
  for (const [key, value] of Object.entries(headers)) if (key.toLowerCase() === name && typeof value === 'string') return value;
  return null;
}

async function batch(call: GraphCall): Promise<Response> {
  const body = call.body as { requests?: unknown } | null;
  if (!body || !Array.isArray(body.requests)) return graphError(400, 'BadRequest', 'Invalid batch payload format.');
  if (body.requests.length > MAX_BATCH_REQUESTS) return graphError(400, 'BadRequest', `The number of batch requests must not exceed ${MAX_BATCH_REQUESTS}.`);
  const responses = [];
  for (const raw of body.requests as { id?: unknown; method?: unknown; url?: unknown; body?: unknown; headers?: unknown }[]) {
    const id = typeof raw.id === 'string' ? raw.id : String(raw.id ?? '');
    if (typeof raw.url !== 'string' || typeof raw.method !== 'string') {
      responses.push({ id, status: 400, headers: {}, body: { error: { code: 'BadRequest', message: 'Each request needs a method and a url.' } } });
      continue;
    }
    const url = new URL(`${call.url.origin}${BASE_PATH}/${raw.url.replace(/^\//, '')}`);
    const path = url.pathname.slice(BASE_PATH.length);
    const itemFault = call.tenant.faults.draw(url.pathname, ['batch-item-throttle']);
    const response = itemFault
      ? graphError(429, 'TooManyRequests', 'Too many requests.', { 'Retry-After': String(itemFault.retryAfterSeconds ?? 1) })
      : await route({ ...call, method: raw.method.toUpperCase(), url, path, body: raw.body, consistencyLevel: batchHeader(raw.headers, 'consistencylevel') });
    const headers: Record<string, string> = {};
    response.headers.forEach((value, key) => {
      if (key === 'retry-after' || key === 'content-type') headers[key === 'retry-after' ? 'Retry-After' : 'Content-Type'] = value;
    });
    responses.push({ id, status: response.status, headers, body: await response.json() });
  }
  return json(200, { responses });
}

export async function handleGraph(tenant: DemoTenantState, request: Request, url: URL): Promise<Response> {
  const verdict = tenant.tokens.verify(request.headers.get('authorization'), 'graph');
  if (verdict === 'missing') return graphError(401, 'InvalidAuthenticationToken', 'Access token is empty.');
  if (verdict === 'invalid') return graphError(401, 'InvalidAuthenticationToken', 'Access token validation failure. Invalid audience.');
  if (verdict === 'expired') return graphError(401, 'InvalidAuthenticationToken', 'Lifetime validation failed, the token is expired.');
  const path = url.pathname.slice(BASE_PATH.length) || '/';
  if (path.endsWith('/delta')) {
    const gone = tenant.faults.draw(url.pathname, ['delta-gone']);
    if (gone) return faultResponse(gone, Date.now());
  }
  const fault = tenant.faults.draw(url.pathname, ['throttle', 'throttle-date', 'throttle-bare', 'server-error', 'expired-token']);
  if (fault) return faultResponse(fault, Date.now());
  let body: unknown = null;
  if (request.method !== 'GET' && request.method !== 'HEAD') {
    try {
      body = await request.json();
    } catch {
      return graphError(400, 'BadRequest', 'The request body is not valid JSON.');
    }
  }
  const call: GraphCall = { tenant, method: request.method, url, path, claims: verdict, body, consistencyLevel: request.headers.get('consistencylevel') };
  if (path === '/$batch' && request.method === 'POST') return batch(call);
  return postProcess(tenant, url.pathname, await route(call));
}
