import {
  Board24Regular,
  DocumentSearch24Regular,
  History24Regular,
  Key24Regular,
  PersonAdd24Regular,
  Phone24Regular,
  PlugConnected24Regular,
  Settings24Regular,
  Shield24Regular,
  type FluentIcon,
} from '@fluentui/react-icons';

export type ModuleId =
  | 'dashboard'
  | 'devices'
  | 'securityPolicy'
  | 'connectors'
  | 'enrollmentSettings'
  | 'access'
  | 'preferences'
  | 'auditLog'
  | 'review';

export interface ConsoleModule {
  id: ModuleId;
  /** Hash route, e.g. "/system/connectors". */
  path: string;
  /** Modules under System > in the navigation. */
  section: 'main' | 'system' | 'personal';
  icon: FluentIcon;
}

/** The modules of PRODUCT.md section 1, in navigation order. */
export const MODULES: readonly ConsoleModule[] = [
  { id: 'dashboard', path: '/dashboard', section: 'main', icon: Board24Regular },
  { id: 'devices', path: '/devices', section: 'main', icon: Phone24Regular },
  { id: 'securityPolicy', path: '/security-policy', section: 'main', icon: Shield24Regular },
  { id: 'connectors', path: '/system/connectors', section: 'system', icon: PlugConnected24Regular },
  { id: 'enrollmentSettings', path: '/system/enrollment-settings', section: 'system', icon: PersonAdd24Regular },
  { id: 'access', path: '/system/access', section: 'system', icon: Key24Regular },
  { id: 'preferences', path: '/preferences', section: 'personal', icon: Settings24Regular },
  { id: 'auditLog', path: '/audit-log', section: 'personal', icon: History24Regular },
  { id: 'review', path: '/review', section: 'personal', icon: DocumentSearch24Regular },
];

export const DEFAULT_PATH = '/dashboard';

export function moduleForPath(path: string): ConsoleModule | undefined {
  return MODULES.find((module) => module.path === path);
}
