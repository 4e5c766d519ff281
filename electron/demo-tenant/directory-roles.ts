// The Entra directory roles the demo users hold, by role template id (the ids
// checkMemberObjects accepts, and that are the same in every tenant).
import type { DemoUser } from './tenant-model';

export const GLOBAL_ADMIN_TEMPLATE_ID = '62e90394-69f5-4237-9190-012177145e10';
export const PRIVILEGED_ROLE_ADMIN_TEMPLATE_ID = 'e8611ab8-c189-46e8-94e1-60213ab1f814';

export function directoryRoleTemplateIds(user: DemoUser): string[] {
  return user.role === 'globalAdmin' ? [GLOBAL_ADMIN_TEMPLATE_ID] : [];
}

/** Who may grant consent for the whole organization, Graph application permissions included. */
export function canGrantAdminConsent(user: DemoUser): boolean {
  const roles = directoryRoleTemplateIds(user);
  return roles.includes(GLOBAL_ADMIN_TEMPLATE_ID) || roles.includes(PRIVILEGED_ROLE_ADMIN_TEMPLATE_ID);
}
