/** Console roles from PRODUCT.md section 3: members of the full-access group get Full, of the restricted-access group only Restricted. */
export const ROLES = ['full', 'restricted'] as const;
export type Role = (typeof ROLES)[number];

/** Who may call a channel: anybody (also before sign-in), or only sessions holding one of the listed roles. */
export type Access = 'anyone' | readonly Role[];

export function isAllowed(access: Access, role: Role | null): boolean {
  if (access === 'anyone') return true;
  return role !== null && access.includes(role);
}
