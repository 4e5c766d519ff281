import {
  Board24Regular,
  BuildingMultiple24Regular,
  DocumentSearch24Regular,
  History24Regular,
  Key24Regular,
  PersonAdd24Regular,
  Phone24Regular,
  PlugConnected24Regular,
  Settings24Regular,
  ShieldError24Regular,
  ArrowSyncCircle24Regular,
  Shield24Regular,
  TaskListLtr24Regular,
  type FluentIcon,
} from '@fluentui/react-icons';
import type { Role } from '../../shared/ipc';

export type ModuleId =
  | 'dashboard'
  | 'setup'
  | 'devices'
  | 'threats'
  | 'securityPolicy'
  | 'connectors'
  | 'enrollmentSettings'
  | 'drift'
  | 'access'
  | 'preferences'
  | 'auditLog'
  | 'review'
  | 'tenants';

export interface ConsoleModule {
  id: ModuleId;
  /** Hash route, e.g. "/system/connectors". */
  path: string;
  /** Where the navigation lists it (System: under System >); header: opened from the header's tenant menu, not listed. */
  section: 'main' | 'system' | 'personal' | 'header';
  icon: FluentIcon;
  /** The roles that may open it (PRODUCT.md section 1); main refuses the others' calls as well. */
  roles: readonly Role[];
}

const EVERY_ROLE: readonly Role[] = ['full', 'restricted'];
const FULL_ONLY: readonly Role[] = ['full'];

/** What to do next: where the first sign-in after consent lands. */
export const SETUP_PATH = '/setup';

/** The modules of PRODUCT.md section 1, in navigation order. */
export const MODULES: readonly ConsoleModule[] = [
  { id: 'dashboard', path: '/dashboard', section: 'main', icon: Board24Regular, roles: EVERY_ROLE },
  { id: 'setup', path: SETUP_PATH, section: 'main', icon: TaskListLtr24Regular, roles: EVERY_ROLE },
  { id: 'devices', path: '/devices', section: 'main', icon: Phone24Regular, roles: EVERY_ROLE },
  { id: 'threats', path: '/threats', section: 'main', icon: ShieldError24Regular, roles: EVERY_ROLE },
  { id: 'securityPolicy', path: '/security-policy', section: 'main', icon: Shield24Regular, roles: EVERY_ROLE },
  { id: 'connectors', path: '/system/connectors', section: 'system', icon: PlugConnected24Regular, roles: FULL_ONLY },
  { id: 'enrollmentSettings', path: '/system/enrollment-settings', section: 'system', icon: PersonAdd24Regular, roles: FULL_ONLY },
  { id: 'drift', path: '/system/drift', section: 'system', icon: ArrowSyncCircle24Regular, roles: FULL_ONLY },
  { id: 'access', path: '/system/access', section: 'system', icon: Key24Regular, roles: FULL_ONLY },
  { id: 'preferences', path: '/preferences', section: 'personal', icon: Settings24Regular, roles: EVERY_ROLE },
  { id: 'auditLog', path: '/audit-log', section: 'personal', icon: History24Regular, roles: FULL_ONLY },
  { id: 'review', path: '/review', section: 'personal', icon: DocumentSearch24Regular, roles: EVERY_ROLE },
  // Everyone switches tenants in the header's menu; managing them (add, rename, remove) takes Full.
  { id: 'tenants', path: '/tenants', section: 'header', icon: BuildingMultiple24Regular, roles: FULL_ONLY },
];

export const DEFAULT_PATH = '/dashboard';
export const TENANTS_PATH = '/tenants';

/** Modules whose items have addresses of their own under the module's path (#/devices/<id>). */
const WITH_ITEM_PATHS: readonly ModuleId[] = ['devices'];

export function moduleForPath(path: string): ConsoleModule | undefined {
  return MODULES.find((module) => module.path === path || (WITH_ITEM_PATHS.includes(module.id) && itemOf(module, path) !== null));
}

/** The item named by a path under its module's ("/devices/abc" → "abc"); null for the module's own path. */
export function itemOf(module: ConsoleModule, path: string): string | null {
  const prefix = `${module.path}/`;
  if (!path.startsWith(prefix) || path.length === prefix.length || path.indexOf('/', prefix.length) !== -1) return null;
  try {
    return decodeURIComponent(path.slice(prefix.length));
  } catch {
    return null;
  }
}

export function mayOpen(module: ConsoleModule, role: Role | null): boolean {
  return role !== null && module.roles.includes(role);
}
