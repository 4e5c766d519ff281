import type { ComponentType } from 'react';
import type { ModuleId } from '../app/modules';
import { AccessScreen } from './access/AccessScreen';
import { AuditLogScreen } from './audit-log/AuditLogScreen';
import { ConnectorsScreen } from './connectors/ConnectorsScreen';
import { DashboardScreen } from './dashboard/DashboardScreen';
import { DevicesScreen } from './devices/DevicesScreen';
import { DriftScreen } from './drift/DriftScreen';
import { EnrollmentSettingsScreen } from './enrollment-settings/EnrollmentSettingsScreen';
import { PreferencesScreen } from './preferences/PreferencesScreen';
import { SecurityPolicyScreen } from './security-policy/SecurityPolicyScreen';
import { SetupChecklistScreen } from './setup/SetupChecklistScreen';
import { TenantsScreen } from './tenants/TenantsScreen';
import { ThreatsScreen } from './threats/ThreatsScreen';

/** The screens built so far; the other modules show their empty state. */
export const SCREENS: Partial<Record<ModuleId, ComponentType>> = {
  dashboard: DashboardScreen,
  setup: SetupChecklistScreen,
  devices: DevicesScreen,
  threats: ThreatsScreen,
  securityPolicy: SecurityPolicyScreen,
  connectors: ConnectorsScreen,
  enrollmentSettings: EnrollmentSettingsScreen,
  access: AccessScreen,
  preferences: PreferencesScreen,
  auditLog: AuditLogScreen,
  tenants: TenantsScreen,
  drift: DriftScreen,
};
