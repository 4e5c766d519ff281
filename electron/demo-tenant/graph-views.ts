// Graph JSON for the demo tenant's objects, as Graph v1.0 would render them at a given demo time.
import type { DemoTenantState } from './demo-tenant-state';
import type { PartnerReportedThreatState } from '../../shared/domain/partner-state';
import type { DemoCompliancePolicy, DemoDevice, DemoGroup, DemoUser, RequiredSecurityLevel } from './tenant-model';

const LEVEL_RANK: Partial<Record<PartnerReportedThreatState | RequiredSecurityLevel, number>> = {
  secured: 0,
  lowSeverity: 1,
  low: 1,
  mediumSeverity: 2,
  medium: 2,
  highSeverity: 3,
  high: 3,
};

export function userJson(user: DemoUser) {
  return {
    '@odata.type': '#microsoft.graph.user',
    id: user.id,
    displayName: user.displayName,
    userPrincipalName: user.userPrincipalName,
    mail: user.userPrincipalName,
  };
}

export function groupJson(group: DemoGroup) {
  return {
    '@odata.type': '#microsoft.graph.group',
    id: group.id,
    displayName: group.displayName,
    description: group.description,
    securityEnabled: group.securityEnabled,
    mailEnabled: group.mailEnabled,
    groupTypes: group.groupTypes,
  };
}

export function policyFor(tenant: DemoTenantState, device: DemoDevice): DemoCompliancePolicy | undefined {
  return tenant.data.policies.find((policy) => policy.platforms.includes(device.operatingSystem));
}

/**
 * Intune's compliance for the device-threat-level rule: non-compliant when the partner's
 * reported level is above the allowed one or the partner is unresponsive; unknown while the
 * partner has reported nothing yet.
 */
export function complianceState(tenant: DemoTenantState, device: DemoDevice): 'compliant' | 'noncompliant' | 'unknown' {
  const policy = policyFor(tenant, device);
  if (!policy?.deviceThreatProtectionEnabled) return 'compliant';
  const state = device.partnerReportedThreatState;
  if (state === 'unresponsive' || state === 'compromised' || state === 'misconfigured') return 'noncompliant';
  const reported = LEVEL_RANK[state];
  const allowed = LEVEL_RANK[policy.deviceThreatProtectionRequiredSecurityLevel];
  if (reported === undefined) return 'unknown';
  if (allowed === undefined) return 'compliant';
  return reported <= allowed ? 'compliant' : 'noncompliant';
}

export function lastSyncDateTime(device: DemoDevice, now: number): string {
  const slots = Math.floor((now - device.syncOffsetMs) / device.syncPeriodMs);
  return new Date(Math.max(device.enrolledAt, slots * device.syncPeriodMs + device.syncOffsetMs)).toISOString();
}

export function managedDeviceJson(tenant: DemoTenantState, device: DemoDevice, now: number) {
  return {
    '@odata.type': '#microsoft.graph.managedDevice',
    id: device.id,
    userId: device.userId,
    userPrincipalName: device.userPrincipalName,
    deviceName: device.deviceName,
    operatingSystem: device.operatingSystem,
    osVersion: device.osVersion,
    enrolledDateTime: new Date(device.enrolledAt).toISOString(),
    lastSyncDateTime: lastSyncDateTime(device, now),
    complianceState: complianceState(tenant, device),
    partnerReportedThreatState: device.partnerReportedThreatState,
    managementAgent: 'mdm',
  };
}

export function connectorJson(tenant: DemoTenantState, now: number) {
  const connector = tenant.data.connector;
  const threshold = connector.partnerUnresponsivenessThresholdInDays * 86_400_000;
  const partnerState = connector.lastHeartbeatAt === null ? 'unavailable' : now - connector.lastHeartbeatAt > threshold ? 'unresponsive' : 'enabled';
  return {
    '@odata.type': '#microsoft.graph.mobileThreatDefenseConnector',
    id: connector.id,
    lastHeartbeatDateTime: connector.lastHeartbeatAt === null ? '0001-01-01T00:00:00Z' : new Date(connector.lastHeartbeatAt).toISOString(),
    partnerState,
    partnerUnresponsivenessThresholdInDays: connector.partnerUnresponsivenessThresholdInDays,
    androidEnabled: true,
    iosEnabled: true,
    windowsEnabled: false,
    macEnabled: false,
    androidDeviceBlockedOnMissingPartnerData: false,
    iosDeviceBlockedOnMissingPartnerData: false,
    partnerUnsupportedOsVersionBlocked: false,
  };
}

export function compliancePolicyJson(policy: DemoCompliancePolicy) {
  return {
    '@odata.type': policy.odataType,
    id: policy.id,
    displayName: policy.displayName,
    deviceThreatProtectionEnabled: policy.deviceThreatProtectionEnabled,
    deviceThreatProtectionRequiredSecurityLevel: policy.deviceThreatProtectionRequiredSecurityLevel,
  };
}
