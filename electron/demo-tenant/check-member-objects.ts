// POST /me/checkMemberObjects and /users/{id}/checkMemberObjects: which of up to 20
// ids (groups, directory roles or directory role template ids) the user belongs to,
// transitively over nested groups.
import type { DemoTenantState } from './demo-tenant-state';
import { directoryRoleTemplateIds } from './directory-roles';
import { graphError, json } from './graph-responses';
import type { DemoUser } from './tenant-model';

export const MAX_MEMBER_OBJECT_IDS = 20;
const GUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** Every group the user is in, directly or through groups nested in it. */
export function transitiveGroupIds(tenant: DemoTenantState, userId: string): Set<string> {
  const found = new Set(tenant.data.groups.filter((group) => group.memberUserIds.includes(userId)).map((group) => group.id));
  let grew = found.size > 0;
  while (grew) {
    grew = false;
    for (const group of tenant.data.groups) {
      if (!found.has(group.id) && group.memberGroupIds.some((id) => found.has(id))) {
        found.add(group.id);
        grew = true;
      }
    }
  }
  return found;
}

function memberObjectIds(tenant: DemoTenantState, user: DemoUser): Set<string> {
  const ids = transitiveGroupIds(tenant, user.id);
  for (const template of directoryRoleTemplateIds(user)) ids.add(template);
  // The activated role's own object id names it too.
  if (user.role === 'globalAdmin') ids.add(tenant.data.globalAdminRoleId);
  return ids;
}

export function checkMemberObjects(tenant: DemoTenantState, user: DemoUser, body: unknown): Response {
  const ids = (body as { ids?: unknown } | null)?.ids;
  if (!Array.isArray(ids) || ids.some((id) => typeof id !== 'string')) {
    return graphError(400, 'Request_BadRequest', "The request body must be {\"ids\": [...]}, a list of object ids.");
  }
  if (ids.length > MAX_MEMBER_OBJECT_IDS) {
    return graphError(400, 'Request_BadRequest', `Invalid value specified for property 'ids' of resource 'checkMemberObjects': at most ${MAX_MEMBER_OBJECT_IDS} ids are allowed; got ${ids.length}.`);
  }
  const bad = (ids as string[]).find((id) => !GUID.test(id));
  if (bad !== undefined) return graphError(400, 'Request_BadRequest', `Invalid GUID: '${bad.slice(0, 64)}'.`);
  const held = memberObjectIds(tenant, user);
  const answer = [...new Set((ids as string[]).map((id) => id.toLowerCase()))].filter((id) => held.has(id));
  return json(200, { '@odata.context': 'https://graph.microsoft.com/v1.0/$metadata#Collection(Edm.String)', value: answer });
}
